package io.portcullis.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The dashboard's pages, type-checked at build time: {@code templates/dashboard/<method>.html}, every one
 * built on {@code templates/dashboard/layout.html}. Values are HTML-escaped; only {@link DropChart}'s SVG is
 * inserted raw (it escapes what it writes itself).
 */
@CheckedTemplate(basePath = "dashboard")
final class Pages {
    private Pages() {}

    static native TemplateInstance login(String error, boolean enabled);

    static native TemplateInstance fleet(FleetView view);

    static native TemplateInstance router(RouterPage page);

    static native TemplateInstance runs(RunsView view);

    static native TemplateInstance run(RunPage page);

    static native TemplateInstance problem(String title, String message);
}
