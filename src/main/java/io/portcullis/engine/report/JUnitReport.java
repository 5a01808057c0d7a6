package io.portcullis.engine.report;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI systems (GitLab, Jenkins, GitHub test reporters): one testcase per router,
 * a failure for every failed router, skipped for routers a halted rollout never contacted.
 * Written with StAX, which escapes markup in text and attributes; what StAX does not cover is done here: characters
 * XML 1.0 cannot carry at all (control characters from a device's error text) become U+FFFD.
 */
public final class JUnitReport {
    /** Ant's JUnit timestamp form (xs:dateTime without a zone); written in UTC. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JUnitReport() {}

    public static String render(RunReport r) {
        return render(r, hostname());
    }

    /** The report as if written on {@code hostname} (the testsuite's {@code hostname} attribute). */
    public static String render(RunReport r, String hostname) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            write(r, hostname, w);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return out.toString();
    }

    public static void write(RunReport r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(r));
    }

    private static void write(RunReport r, String hostname, XMLStreamWriter w) throws XMLStreamException {
        long failures = r.routers().stream().filter(o -> o.state().failure()).count();
        long skipped = r.routers().stream()
                .filter(o -> o.state() == OutcomeState.NOT_CONTACTED)
                .count();
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("testsuites");
        w.writeCharacters("\n  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", "portcullis apply");
        w.writeAttribute("tests", Integer.toString(r.routers().size()));
        w.writeAttribute("failures", Long.toString(failures));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", Long.toString(skipped));
        w.writeAttribute(
                "time", seconds(Duration.between(r.startedAt(), r.finishedAt()).toMillis()));
        w.writeAttribute("timestamp", TIMESTAMP.format(r.startedAt().truncatedTo(ChronoUnit.SECONDS)));
        w.writeAttribute("hostname", xml(hostname));
        for (RouterOutcome o : r.routers()) {
            w.writeCharacters("\n    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", "portcullis.apply." + xml(o.platform()));
            w.writeAttribute("name", xml(o.router()));
            w.writeAttribute("time", seconds(o.millis()));
            w.writeCharacters("\n      ");
            if (o.state().failure()) {
                w.writeStartElement("failure");
                w.writeAttribute("type", o.state().name());
                w.writeAttribute("message", xml(o.reason()));
                w.writeCharacters(xml(o.message()));
                w.writeEndElement();
            } else if (o.state() == OutcomeState.NOT_CONTACTED) {
                w.writeEmptyElement("skipped");
                w.writeAttribute("message", xml(o.message()));
            } else {
                w.writeStartElement("system-out");
                w.writeCharacters(xml(o.state() + ": " + o.message()));
                w.writeEndElement();
            }
            w.writeCharacters("\n    ");
            w.writeEndElement();
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Text XML 1.0 can carry: null as empty, control characters other than tab/newline/return as U+FFFD. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean allowed = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\n' || c == '\t' || c == '\r';
            b.append(allowed ? c : '\uFFFD');
        }
        return b.toString();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost"; // a host without a resolvable name still gets a report
        }
    }
}
