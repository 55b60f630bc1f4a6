#include "reports/pdf_writer.h"

#include "core/errors.h"
#include "core/platform.h"
#include "reports/french.h"
#include "reports/pdf_blocks.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace concerto::report {

namespace {

namespace fs = std::filesystem;
using pdf::kMm;

/// A file beside the target, removed unless it was renamed onto the target.
class TempFile {
public:
    explicit TempFile(const fs::path& target)
    {
        const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
        m_file = platform::CreateFileBeside(target, m_path);
        if (!m_file)
            throw Error("Impossible de créer le fichier PDF dans « " + directory.string() +
                            " » : vérifiez que le dossier existe et que vous pouvez y écrire.",
                        std::strerror(errno));
    }
    ~TempFile()
    {
        if (m_file)
            std::fclose(m_file);
        if (!m_kept)
            std::remove(m_path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    FILE* File() const { return m_file; }
    const std::string& Path() const { return m_path; }
    /// Closes the stream; false when something could not be written.
    bool Close()
    {
        const bool ok = platform::FlushToDisk(m_file);
        const bool closed = std::fclose(m_file) == 0;
        m_file = nullptr;
        return ok && closed;
    }
    void MoveTo(const fs::path& target)
    {
        std::error_code error;
        fs::rename(m_path, target, error);
        if (error)
            throw Error("Impossible d'enregistrer le fichier PDF « " + target.string() + " ».", error.message());
        m_kept = true;
    }

private:
    std::string m_path;
    FILE* m_file = nullptr;
    bool m_kept = false;
};

cairo_status_t WriteToFile(void* closure, const unsigned char* data, unsigned int length)
{
    return std::fwrite(data, 1, length, static_cast<FILE*>(closure)) == length ? CAIRO_STATUS_SUCCESS
                                                                               : CAIRO_STATUS_WRITE_ERROR;
}

pdf::Geometry GeometryOf(const PageSetup& setup)
{
    pdf::Geometry geometry;
    const double shortSide = 210 * kMm, longSide = 297 * kMm;
    geometry.pageWidth = setup.landscape ? longSide : shortSide;
    geometry.pageHeight = setup.landscape ? shortSide : longSide;
    auto margin = [](double mm, double fallback) { return (mm >= 5 && mm <= 60 ? mm : fallback) * kMm; };
    geometry.left = margin(setup.marginLeftMm, 20);
    geometry.right = margin(setup.marginRightMm, 20);
    // The running header and footer sit inside the top and bottom margins: keep room for them.
    geometry.top = std::max(margin(setup.marginTopMm, 20), 16 * kMm);
    geometry.bottom = std::max(margin(setup.marginBottomMm, 20), 16 * kMm);
    return geometry;
}

std::string IsoDate(const Timestamp& instant)
{
    const Timestamp when = instant.seconds > 0 ? instant : Timestamp::Now();
    std::string iso = when.ToIso(); // "YYYY-MM-DD HH:MM:SS", UTC
    if (iso.size() > 10 && iso[10] == ' ')
        iso[10] = 'T';
    return iso + "Z";
}

void SetMetadata(cairo_surface_t* surface, const Document& doc)
{
    std::string title = doc.info.title, author = doc.info.author, subject = doc.info.subject;
    for (const auto& block : doc.blocks)
        if (const auto* cover = std::get_if<CoverBlock>(&block)) {
            title = title.empty() ? cover->title : title;
            author = author.empty() ? cover->organisation : author;
            subject = subject.empty() ? cover->subtitle : subject;
        }
    auto set = [surface](cairo_pdf_metadata_t key, const std::string& value) {
        if (!value.empty())
            cairo_pdf_surface_set_metadata(surface, key, value.c_str());
    };
    set(CAIRO_PDF_METADATA_TITLE, french::Typography(title));
    set(CAIRO_PDF_METADATA_AUTHOR, author);
    set(CAIRO_PDF_METADATA_SUBJECT, french::Typography(subject));
    set(CAIRO_PDF_METADATA_KEYWORDS, doc.info.keywords);
    set(CAIRO_PDF_METADATA_CREATOR, "Concerto");
    set(CAIRO_PDF_METADATA_CREATE_DATE, IsoDate(doc.info.generatedAt));
}

void AddOutline(cairo_surface_t* surface, const pdf::PdfLayout& layout)
{
    if (layout.HasContents())
        cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, "Sommaire", "dest='contents'",
                                      static_cast<cairo_pdf_outline_flags_t>(0));
    int parents[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
    for (const auto& heading : layout.Headings()) {
        const int parent = parents[heading.level - 1];
        const auto flags = heading.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : static_cast<cairo_pdf_outline_flags_t>(0);
        const int id = cairo_pdf_surface_add_outline(surface, parent, heading.text.c_str(),
                                                     ("dest='" + heading.dest + "'").c_str(), flags);
        for (int level = heading.level; level < 4; ++level)
            parents[level] = id;
    }
}

/// The language tag as PDF wants it ("fr-FR"); letters, digits and hyphens only.
std::string LanguageTag(const std::string& language)
{
    std::string tag;
    for (char c : language.empty() ? std::string("fr-FR") : language)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-')
            tag += c == '_' ? '-' : c;
    return tag.empty() ? "fr-FR" : tag;
}

/// Sets the catalog's /Lang, which cairo 1.16 has no API for, by appending a standard PDF
/// incremental update (a new revision of the catalog object, a one-entry cross-reference
/// section, a trailer pointing back to cairo's). Leaves the file as cairo wrote it when its
/// structure is not the one expected.
void AddLanguage(const std::string& path, const std::string& language)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string pdf = buffer.str();
    const auto trailer = pdf.rfind("trailer");
    const auto startxref = pdf.rfind("startxref");
    if (trailer == std::string::npos || startxref == std::string::npos || startxref < trailer)
        return;
    const auto open = pdf.find("<<", trailer), close = pdf.rfind(">>", startxref);
    const auto root = pdf.find("/Root", trailer);
    if (open == std::string::npos || close == std::string::npos || root == std::string::npos || close < open)
        return;
    const long catalog = std::strtol(pdf.c_str() + root + 5, nullptr, 10);
    const long long previousXref = std::strtoll(pdf.c_str() + startxref + 9, nullptr, 10);
    const std::string header = "\n" + std::to_string(catalog) + " 0 obj";
    const auto object = pdf.rfind(header);
    const auto end = object == std::string::npos ? object : pdf.find("endobj", object);
    if (catalog <= 0 || end == std::string::npos)
        return;
    std::string dictionary = pdf.substr(object + header.size(), end - object - header.size());
    const auto dictOpen = dictionary.find("<<");
    if (dictOpen == std::string::npos || dictionary.find("/Lang") != std::string::npos)
        return;
    dictionary.insert(dictOpen + 2, " /Lang (" + LanguageTag(language) + ")");

    std::ostringstream update;
    const std::size_t objectOffset = pdf.size() + 1;
    update << "\n" << catalog << " 0 obj" << dictionary << "endobj\n";
    const std::size_t xrefOffset = pdf.size() + update.str().size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", objectOffset);
    update << "xref\n"
           << catalog << " 1\n"
           << entry << "trailer\n<<" << pdf.substr(open + 2, close - open - 2) << " /Prev " << previousXref
           << " >>\nstartxref\n"
           << xrefOffset << "\n%%EOF\n";
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << update.str();
    if (!out.flush())
        throw Error("Impossible d'écrire le fichier PDF « " + path + " ».");
}

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using ContextPtr = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

void Render(const Document& doc, pdf::Composer& composer, const pdf::PdfLayout& layout, const pdf::Typesetter& type,
            const pdf::Theme& theme, cairo_surface_t* surface, Progress* progress)
{
    const auto& pages = composer.Pages();
    const pdf::Geometry& geo = composer.Geo();
    ContextPtr cr(cairo_create(surface), &cairo_destroy);
    pdf::RenderState state;
    state.pageCount = static_cast<int>(pages.size());
    state.headingPages = &layout.HeadingPages();
    const std::string header = pdf::HeaderTextOf(doc), footer = pdf::FooterTextOf(doc);
    if (progress)
        progress->Begin("Écriture du PDF", pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (progress && progress->IsCancelled())
            throw CancelledError();
        state.page = static_cast<int>(i) + 1;
        for (const auto& item : pages[i].items) {
            cairo_save(cr.get());
            cairo_translate(cr.get(), geo.left, item.y);
            item.draw(cr.get(), state);
            cairo_restore(cr.get());
        }
        if (pages[i].furniture)
            pdf::DrawFurniture(cr.get(), type, theme, geo, pages[i], header, footer, state);
        cairo_show_page(cr.get());
        if (progress)
            progress->Advance(i + 1);
    }
    AddOutline(surface, layout);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
        throw Error("Le PDF n'a pas pu être dessiné.", cairo_status_to_string(cairo_status(cr.get())));
}

} // namespace

void WritePdf(const Document& doc, const std::string& path, Progress* progress)
{
    const fs::path target(path);
    const pdf::Geometry geometry = GeometryOf(doc.page);
    const pdf::Theme theme = pdf::Theme::From(doc.styles);
    const pdf::Typesetter type(doc.info.language);

    // Pass 1: lay everything out, so that every page number is known before drawing.
    pdf::Composer composer(geometry);
    pdf::PdfLayout layout(doc, type, theme, composer, progress);
    layout.Run();
    auto& pages = composer.Pages();
    if (pages.size() > 1 && pages.back().items.empty())
        pages.pop_back();

    // Pass 2: draw the pages.
    TempFile temp(target);
    {
        SurfacePtr surface(
            cairo_pdf_surface_create_for_stream(WriteToFile, temp.File(), geometry.pageWidth, geometry.pageHeight),
            &cairo_surface_destroy);
        cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
        SetMetadata(surface.get(), doc);
        Render(doc, composer, layout, type, theme, surface.get(), progress);
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            throw Error("Impossible d'écrire le fichier PDF « " + path + " » : le disque est peut-être plein.",
                        cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    if (!temp.Close())
        throw Error("Impossible d'écrire le fichier PDF « " + path + " » : le disque est peut-être plein.",
                    std::strerror(errno));
    AddLanguage(temp.Path(), doc.info.language);
    temp.MoveTo(target);
}

} // namespace concerto::report
