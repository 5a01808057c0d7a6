package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.netconf.xml.SecureXml;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class YangLibraryTest {
    @Test
    void parsesBothLibraryShapes() throws Exception {
        String ns = YangLibrary.NS;
        var data = SecureXml.parse("<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                        + "<modules-state xmlns=\"" + ns + "\"><module-set-id>1</module-set-id>"
                        + "<module><name>ietf-access-control-list</name><revision>2019-03-04</revision>"
                        + "<namespace>urn:ietf:params:xml:ns:yang:ietf-access-control-list</namespace><feature>match-on-ipv4</feature>"
                        + "<deviation><name>vendor-acl-dev</name><revision>2020-01-01</revision></deviation>"
                        + "<conformance-type>implement</conformance-type></module></modules-state>"
                        + "<yang-library xmlns=\"" + ns
                        + "\"><module-set><name>all</name><module><name>openconfig-acl</name>"
                        + "<revision>2023-02-06</revision><namespace>http://openconfig.net/yang/acl</namespace>"
                        + "<deviation>oc-dev</deviation></module></module-set></yang-library></data>")
                .getDocumentElement();
        Map<String, YangModule> modules = YangLibrary.parse(data);
        assertThat(modules.get("ietf-access-control-list"))
                .isEqualTo(new YangModule(
                        "ietf-access-control-list",
                        "urn:ietf:params:xml:ns:yang:ietf-access-control-list",
                        "2019-03-04",
                        java.util.List.of("match-on-ipv4"),
                        java.util.List.of("vendor-acl-dev")));
        assertThat(modules.get("openconfig-acl").deviations()).containsExactly("oc-dev");
        assertThat(modules.get("openconfig-acl").revision()).isEqualTo("2023-02-06");
    }
}
