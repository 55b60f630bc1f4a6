#pragma once
// The subcommands of concerto-cli. Each returns the process exit code.

#include <string>
#include <vector>

namespace concerto::cli {

int RunInit(const std::vector<std::string>& args);
int RunDemo(const std::vector<std::string>& args);
int RunStats(const std::vector<std::string>& args);
int RunAgreement(const std::vector<std::string>& args);
int RunSuggest(const std::vector<std::string>& args);
int RunReport(const std::vector<std::string>& args);
int RunImport(const std::vector<std::string>& args);
int RunExport(const std::vector<std::string>& args);
int RunInsights(const std::vector<std::string>& args);
int RunServer(const std::vector<std::string>& args);
int RunUser(const std::vector<std::string>& args);
int RunAudit(const std::vector<std::string>& args);
int RunPersonalData(const std::vector<std::string>& args);

} // namespace concerto::cli
