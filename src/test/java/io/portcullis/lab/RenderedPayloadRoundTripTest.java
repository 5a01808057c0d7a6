package io.portcullis.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.FilterIntent;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.testing.DefaultPolicyIntents;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform renderers' real payloads through the simulator's datastore: edit-config + commit, then
 * get-config with the adapter's managed-subtree filter reads back the same IR; a second apply changes
 * nothing; the removal payload removes only what it owns (the foreign filter stays).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("lab")
class RenderedPayloadRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"junos", "iosxr", "sros", "vrp", "openconfig", "ietf"})
    void renderApplyReadBack(String platform) throws Exception {
        PlatformAdapter adapter = Platforms.find(platform).orElse(null);
        Assumptions.assumeTrue(adapter != null, "no adapter for " + platform);
        FilterIntent intent =
                DefaultPolicyIntents.forPlatform(platform, adapter.facts().implicitDefault());
        String config;
        try {
            config = adapter.renderConfig(intent);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort(platform + " renderer not implemented yet");
            return;
        }
        try (LabFleet fleet = LabFleet.builder()
                        .devices(1)
                        .platforms(platform)
                        .password("pw")
                        .start();
                TestClient c = TestClient.connect(fleet, fleet.device(0))) {
            SimDevice d = fleet.device(0);
            String body = config.replaceFirst("^\\s*<\\?xml[^>]*>", "");
            assertThat(c.rpc("<edit-config><target><candidate/></target>" + body + "</edit-config>"))
                    .contains("<ok/>");
            assertThat(c.rpc("<commit/>")).contains("<ok/>");
            String filter = adapter.managedSubtreeFilter(intent);
            String reply = c.rpc("<get-config><source><running/></source><filter type=\"subtree\">" + filter
                    + "</filter></get-config>");
            ReadResult read = adapter.read(intent.device(), reply);
            assertThat(read.intent()).as(platform + " read-back").isEqualTo(adapter.normalize(intent));

            String afterFirst = d.runningXml();
            c.rpc("<edit-config><target><candidate/></target>" + body + "</edit-config>");
            c.rpc("<commit/>");
            assertThat(d.runningXml()).as("idempotent apply").isEqualTo(afterFirst);
            assertThat(d.runningXml()).as("foreign config untouched").contains("FOREIGN-MGMT");

            String removal = adapter.renderRemoval(intent);
            assertThat(c.rpc("<edit-config><target><candidate/></target>"
                            + removal.replaceFirst("^\\s*<\\?xml[^>]*>", "") + "</edit-config>"))
                    .contains("<ok/>");
            c.rpc("<commit/>");
            String after = c.rpc("<get-config><source><running/></source><filter type=\"subtree\">" + filter
                    + "</filter></get-config>");
            assertThat(adapter.read(intent.device(), after).intent().filters())
                    .as("owned filters removed")
                    .isEmpty();
            assertThat(d.runningXml()).contains("FOREIGN-MGMT");
        }
    }
}
