// concerto-cli suggest: the coding view's commitment suggestions, for checks and batch use.
// One contribution text per line on stdin, the references of its best commitments per line
// on stdout, in the same order, so that the output can be pasted next to the input.

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "cli/console.h"
#include "core/errors.h"
#include "db/repositories.h"
#include "db/suggestion_source.h"

#include <iostream>
#include <map>

namespace concerto::cli {

int RunSuggest(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "consultation", "top"});
    if (!arguments.Positional().empty())
        throw UsageError("argument inattendu « " + arguments.Positional().front() +
                         " » : les textes se lisent sur l'entrée standard, un par ligne");
    const auto top = arguments.Number("top", 5);
    if (top == 0 || top > 1000)
        throw UsageError("l'option --top attend un nombre de 1 à 1000");
    auto db = OpenDatabase(arguments.Required("db"));
    const Consultation consultation = ChosenConsultation(*db, arguments.Value("consultation"));

    const SuggestionModel model = LoadSuggestionModel(*db, consultation.id);
    std::map<std::string, std::string> refs;
    for (const auto& commitment : CommitmentRepository(*db).ListBy("consultation_id", consultation.id))
        refs[commitment.id] = commitment.ref;
    std::cerr << "Suggestions apprises de " << model.CommitmentCount() << " engagements et " << model.ExampleCount()
              << " contributions codées.\n";

    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') // a file saved on Windows
            line.pop_back();
        std::string answer;
        for (const auto& suggestion : model.Suggest(line, static_cast<std::size_t>(top)))
            answer += (answer.empty() ? "" : " ") + refs[suggestion.commitmentId];
        // Flushed per line, so that a program can write a text and wait for its answer.
        std::cout << answer << std::endl;
    }
    return 0;
}

} // namespace concerto::cli
