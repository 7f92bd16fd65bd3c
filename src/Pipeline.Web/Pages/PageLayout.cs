namespace Pipeline.Web.Pages;

/// <summary>
/// The GOV.UK Frontend page template (govuk-template) without any script: the stylesheet from /assets, a skip link, a
/// header naming the service with its two pages (the dashboard and the partner page, the current one marked), the main
/// wrapper, a footer. The page title starts "Error: " when the page shows one.
/// </summary>
internal static class PageLayout
{
    public const string ServiceName = "Quarterly figures";

    public static void Begin(HtmlWriter html, string title, bool hasError, bool dashboard = false)
    {
        html.Markup("<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        if (hasError)
        {
            html.Markup("Error: ");
        }

        html.Text(title).Text(" – Pipeline").Close("title")
            .Markup("\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n")
            .Markup("<meta name=\"theme-color\" content=\"#1d70b8\">\n")
            .Markup("<link rel=\"icon\" sizes=\"48x48\" href=\"/assets/images/favicon.ico\">\n")
            .Markup("<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">\n")
            .Markup("<link rel=\"stylesheet\" href=\"/assets/pipeline.css\">\n")
            .Markup("</head>\n<body class=\"govuk-template__body\">\n")
            .Markup("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n")
            .Markup("<header class=\"govuk-template__header\">\n")
            .Markup("<div class=\"govuk-header\"><div class=\"govuk-header__container govuk-width-container\"><div class=\"govuk-header__logo\">")
            .Markup("<a href=\"/\" class=\"govuk-header__homepage-link\"><span class=\"govuk-header__product-name\">Pipeline</span></a>")
            .Markup("</div></div></div>\n")
            .Markup("<section class=\"govuk-service-navigation\" aria-label=\"Service information\"><div class=\"govuk-width-container\">")
            .Markup("<div class=\"govuk-service-navigation__container\"><span class=\"govuk-service-navigation__service-name\">")
            .Markup("<a href=\"/\" class=\"govuk-service-navigation__link\">").Text(ServiceName).Markup("</a></span>")
            .Markup("<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\"><ul class=\"govuk-service-navigation__list\" id=\"navigation\">");
        NavItem(html, dashboard, "/", "Figures");
        NavItem(html, !dashboard, "/submit", "Send a return");
        html.Markup("</ul></nav></div></div></section>\n</header>\n")
            .Markup("<div class=\"govuk-width-container\">\n<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
    }

    public static void End(HtmlWriter html) =>
        html.Markup("</main>\n</div>\n")
            .Markup("<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div class=\"govuk-footer__meta\">")
            .Markup("<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">")
            .Markup("<p class=\"govuk-body-s\">Pipeline: quarterly returns checked, stored and compared year on year. The figures are at ")
            .Markup("<code>GET /api/summary</code> and <code>GET /api/series</code>; returns are checked at <code>POST /api/validate</code> ")
            .Markup("and sent to <code>PUT /api/uploads/{name}</code>; the ledger is <code>GET /api/uploads</code>.</p>")
            .Markup("</div></div></div></footer>\n</body>\n</html>\n");

    private static void NavItem(HtmlWriter html, bool current, string href, string text)
    {
        if (current)
        {
            html.Markup("<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\">")
                .Open("a", ("class", "govuk-service-navigation__link"), ("href", href), ("aria-current", "page"))
                .Element("strong", text, ("class", "govuk-service-navigation__active-fallback"))
                .Markup("</a></li>");
        }
        else
        {
            html.Markup("<li class=\"govuk-service-navigation__item\">")
                .Element("a", text, ("class", "govuk-service-navigation__link"), ("href", href))
                .Markup("</li>");
        }
    }
}
