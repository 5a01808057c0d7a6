package io.portcullis.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.netconf.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Issue 12 item 8: the JUnit report is well-formed whatever routers and devices call things, and says when and where. */
class JUnitReportTest {
    private static final String HOSTILE_NAME = "r\"1'<x>&amp;]]>";
    private static final String HOSTILE_MESSAGE =
            "device said: <rpc-error> & \"bad\" ]]> <![CDATA[x]]> bell\u0007 nul\u0000 esc\u001b end";
    private static final Instant START = Instant.parse("2026-12-05T20:15:30.250Z");

    @TempDir
    Path dir;

    private static RunReport report() {
        List<RouterOutcome> routers = List.of(
                new RouterOutcome(
                        HOSTILE_NAME,
                        "junos",
                        OutcomeState.FAILED_NOT_APPLIED,
                        "VALIDATE_FAILED\"<&>",
                        HOSTILE_MESSAGE,
                        List.of(),
                        List.of(),
                        1500),
                new RouterOutcome(
                        "r2]]>",
                        "iosxr",
                        OutcomeState.NOT_CONTACTED,
                        "HALTED",
                        "never contacted: <halted> & \"done\"",
                        List.of(),
                        List.of(),
                        0),
                new RouterOutcome(
                        "r3", "sros", OutcomeState.APPLIED, null, "applied & proven <ok>", List.of(), List.of(), 250));
        return new RunReport(
                "run-1",
                "test",
                "sha256:x",
                null,
                START,
                START.plusMillis(2750),
                null,
                RunReport.count(routers),
                routers);
    }

    @Test
    void hostileNamesAndMessagesSurviveAParseBack() throws Exception {
        Path file = dir.resolve("junit.xml");
        Files.writeString(file, JUnitReport.render(report(), "ci-runner-7 <&\">"));
        Document doc = SecureXml.parse(Files.readAllBytes(file));

        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("2.750");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-12-05T20:15:30");
        assertThat(suite.getAttribute("hostname")).isEqualTo("ci-runner-7 <&\">");

        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("name")).isEqualTo(HOSTILE_NAME);
        assertThat(first.getAttribute("classname")).isEqualTo("portcullis.apply.junos");
        assertThat(first.getAttribute("time")).isEqualTo("1.500");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("FAILED_NOT_APPLIED");
        assertThat(failure.getAttribute("message")).isEqualTo("VALIDATE_FAILED\"<&>");
        // XML 1.0 cannot carry control characters even as references: each one is U+FFFD, the rest is verbatim
        assertThat(failure.getTextContent())
                .isEqualTo(HOSTILE_MESSAGE
                        .replace('\u0007', '\uFFFD')
                        .replace('\u0000', '\uFFFD')
                        .replace('\u001b', '\uFFFD'));

        Element second = (Element) cases.item(1);
        assertThat(second.getAttribute("name")).isEqualTo("r2]]>");
        assertThat(((Element) second.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("never contacted: <halted> & \"done\"");
        Element third = (Element) cases.item(2);
        assertThat(third.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("APPLIED: applied & proven <ok>");
    }

    @Test
    void writtenFileIsUtf8WithTheLocalHostname() throws Exception {
        Path file = dir.resolve("reports/junit.xml");
        JUnitReport.write(report(), file);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").doesNotContain("\u0007");
        Element suite =
                (Element) SecureXml.parse(xml).getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("hostname")).isNotBlank();
    }

    @Test
    void textXmlCannotCarryIsReplacedNotDropped() {
        assertThat(JUnitReport.xml("a\u0001b\tc\nd\re\uFFFEf")).isEqualTo("a\uFFFDb\tc\nd\re\uFFFDf");
        assertThat(JUnitReport.xml(null)).isEmpty();
    }
}
