package io.portcullis.platform;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A standalone Qute engine over the {@code templates/} resource folder (the top-level
 * {@code templates/<platform>/} directory, packaged at {@code templates/}). Standalone so renderers
 * work, and are tested, without booting Quarkus. Values in {@code .xml} templates are XML-escaped.
 */
public final class QuteTemplates {
    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_XML, "application/xml")))
            .addLocator(QuteTemplates::locate)
            .removeStandaloneLines(true)
            .build();
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private QuteTemplates() {}

    /** Renders {@code templates/<path>} (e.g. {@code junos/config.xml}) with the given data. */
    public static String render(String path, Map<String, Object> data) {
        Template t = CACHE.computeIfAbsent(path, p -> {
            Template found = ENGINE.getTemplate(p);
            if (found == null) {
                throw new IllegalStateException("template templates/" + p + " is missing from the classpath");
            }
            return found;
        });
        return t.data(data).render();
    }

    private static Optional<TemplateLocator.TemplateLocation> locate(String path) {
        String resource = "templates/" + path;
        if (QuteTemplates.class.getClassLoader().getResource(resource) == null) {
            return Optional.empty();
        }
        String contentType = path.endsWith(".xml") ? Variant.TEXT_XML : "text/plain";
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                try (InputStream in = QuteTemplates.class.getClassLoader().getResourceAsStream(resource)) {
                    return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read template " + resource, e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(new Variant(java.util.Locale.ROOT, StandardCharsets.UTF_8, contentType));
            }
        });
    }
}
