package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SanitizerTest {
    @Test
    void secretLeavesOfARouterSubtreeAreMaskedAndTheRestIsKept() {
        String xml = """
                <configuration xmlns:junos="http://xml.juniper.net/junos/*/junos">
                  <interfaces><interface><name>ge-1/0/0</name><unit><name>100</name><family><inet><address><name>100.64.0.1/22</name>
                    <vrrp-group><name>1</name><authentication-key>Key-Sentinel-1</authentication-key></vrrp-group></address>
                  </inet></family></unit></interface></interfaces>
                  <system><root-authentication><encrypted-password>$6$salt$Hash-Sentinel-2</encrypted-password></root-authentication>
                    <snmp><community><name>Community-Sentinel-3</name></community></snmp></system>
                  <key-chain xmlns="urn:x"><key-string encryption="7">Keystring-Sentinel-4</key-string></key-chain>
                  <x:secret xmlns:x="urn:y">Secret-Sentinel-5</x:secret>
                  <description>radius password=Pair-Sentinel-6 and $9$Nine-Sentinel-7</description>
                  <firewall><family><inet><filter><name>PORTCULLIS-SUBPROTECT-V4</name></filter></inet></family></firewall>
                  <dynamic-profiles><name>P</name><unit><name>$junos-interface-unit</name></unit></dynamic-profiles>
                </configuration>""";
        String masked = Sanitizer.xml(xml);
        for (String s : List.of(
                "Key-Sentinel-1",
                "Hash-Sentinel-2",
                "Keystring-Sentinel-4",
                "Secret-Sentinel-5",
                "Pair-Sentinel-6",
                "Nine-Sentinel-7")) {
            assertThat(masked).doesNotContain(s);
        }
        assertThat(masked)
                .contains(
                        "<authentication-key>***</authentication-key>",
                        "<encrypted-password>***</encrypted-password>",
                        "<key-string encryption=\"7\">***</key-string>",
                        "<x:secret xmlns:x=\"urn:y\">***</x:secret>",
                        "PORTCULLIS-SUBPROTECT-V4",
                        "100.64.0.1/22",
                        "$junos-interface-unit");
        // an SNMP community's name is its secret: every text inside a secret-named container is masked
        assertThat(masked).doesNotContain("Community-Sentinel-3").contains("<community><name>***</name></community>");
        assertThat(Sanitizer.xml(null)).isNull();
    }

    @Test
    void eachSecretIsMaskedInAnyLetterCaseAlone() {
        // each pattern is run only when the text holds a word it needs: one secret at a time, upper case, must still be
        // found (the cheap check must never skip a pattern that would have matched)
        assertThat(Sanitizer.xml("<AUTHENTICATION-KEY>Upper-Sentinel-1</AUTHENTICATION-KEY>"))
                .isEqualTo("<AUTHENTICATION-KEY>***</AUTHENTICATION-KEY>");
        assertThat(Sanitizer.xml("<Md5-Key>Upper-Sentinel-2</Md5-Key>")).isEqualTo("<Md5-Key>***</Md5-Key>");
        assertThat(Sanitizer.xml("<d>$1$salt$Upper-Sentinel-3</d>")).isEqualTo("<d>***</d>");
        assertThat(Sanitizer.text("PWD: Upper-Sentinel-4", 100)).isEqualTo("PWD: ***");
        assertThat(Sanitizer.text("Api-Key=Upper-Sentinel-5", 100)).isEqualTo("Api-Key=***");
        assertThat(Sanitizer.text("Authorization: BEARER Upper-Sentinel-6", 100))
                .isEqualTo("Authorization: BEARER ***");
        assertThat(Sanitizer.url("HTTPS://user:Upper-Sentinel-7@example.net/x")).isEqualTo("HTTPS://example.net/x");
        assertThat(Sanitizer.url("https://HOOKS.SLACK.COM/services/T0/B0/Upper-Sentinel-8"))
                .isEqualTo("https://HOOKS.SLACK.COM/***");
        // a filter subtree without any secret comes back as it was
        String filter = "<filter><name>PORTCULLIS-SUBPROTECT-V4</name><term><name>deny-smtp</name>"
                + "<from><destination-port>25</destination-port></from><then><discard/></then></term></filter>";
        assertThat(Sanitizer.xml(filter)).isEqualTo(filter);
    }
}
