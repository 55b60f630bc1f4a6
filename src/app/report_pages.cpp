#include "app/report_pages.h"

#include "core/errors.h"

#include <cairo.h>
#include <cmath>
#include <memory>
#include <poppler.h>

namespace concerto {

namespace {

struct GObjectDeleter {
    void operator()(void* object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template <class T> using GPtr = std::unique_ptr<T, GObjectDeleter>;

PagePicture Render(PopplerPage* page, int widthPixels)
{
    double widthPt = 0, heightPt = 0;
    poppler_page_get_size(page, &widthPt, &heightPt);
    const double scale = widthPt > 0 ? widthPixels / widthPt : 1.0;
    PagePicture picture;
    picture.width = widthPixels;
    picture.height = std::max(1, static_cast<int>(std::lround(heightPt * scale)));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, picture.width, picture.height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1); // the paper: PDF pages have no background of their own
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    picture.rgb.resize(static_cast<std::size_t>(picture.width) * picture.height * 3);
    unsigned char* out = picture.rgb.data();
    for (int y = 0; y < picture.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < picture.width; ++x) {
            const std::uint32_t pixel = row[x]; // 0x00RRGGBB in native order
            *out++ = static_cast<unsigned char>(pixel >> 16);
            *out++ = static_cast<unsigned char>(pixel >> 8);
            *out++ = static_cast<unsigned char>(pixel);
        }
    }
    cairo_surface_destroy(surface);
    return picture;
}

} // namespace

RenderedPdf RenderPdfPages(const std::string& path, int widthPixels, int maxPages,
                           const std::function<bool()>& cancelled)
{
    GError* error = nullptr;
    gchar* uri = g_filename_to_uri(path.c_str(), nullptr, &error);
    if (!uri) {
        const std::string detail = error ? error->message : "";
        g_clear_error(&error);
        throw Error("L'aperçu ne peut pas lire le fichier « " + path + " ».", detail);
    }
    GPtr<PopplerDocument> document(poppler_document_new_from_file(uri, nullptr, &error));
    g_free(uri);
    if (!document) {
        const std::string detail = error ? error->message : "";
        g_clear_error(&error);
        throw Error("L'aperçu ne peut pas lire le PDF « " + path + " ».", detail);
    }
    RenderedPdf result;
    result.pageCount = poppler_document_get_n_pages(document.get());
    for (int i = 0; i < result.pageCount && i < maxPages; ++i) {
        if (cancelled && cancelled())
            break;
        GPtr<PopplerPage> page(poppler_document_get_page(document.get(), i));
        if (page)
            result.pages.push_back(Render(page.get(), widthPixels));
    }
    return result;
}

} // namespace concerto
