package io.portcullis.engine.verify;

import io.portcullis.intent.Feature;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.verify.Equivalence;
import io.portcullis.verify.EquivalenceResult;
import io.portcullis.verify.PlatformLimitation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-platform equivalence of a verify run: devices that got the same promise (same
 * blocked flows and families; attach points may differ) are grouped, and the read-back of the first
 * device of each platform in a group is compared with the others. What a platform declares it
 * cannot do (its {@link PlatformFacts}) is excused.
 */
public final class CrossPlatformCheck {
    private CrossPlatformCheck() {}

    public static List<EquivalenceResult> run(List<RouterVerification> results) {
        Map<List<Object>, Map<String, FilterIntent>> groups = new LinkedHashMap<>();
        for (RouterVerification r : results) {
            if (r.readBack() == null) {
                continue;
            }
            Promise p = r.compiled().promise();
            groups.computeIfAbsent(List.of(p.blocked(), p.families()), k -> new LinkedHashMap<>())
                    .putIfAbsent(r.platform(), r.readBack());
        }
        List<EquivalenceResult> out = new ArrayList<>();
        for (Map<String, FilterIntent> byPlatform : groups.values()) {
            if (byPlatform.size() < 2) {
                continue;
            }
            out.add(Equivalence.compare(new ArrayList<>(byPlatform.values()), limitations(byPlatform.keySet())));
        }
        return out;
    }

    static List<PlatformLimitation> limitations(Iterable<String> platforms) {
        List<PlatformLimitation> out = new ArrayList<>();
        for (String id : platforms) {
            PlatformFacts f = Platforms.get(id).facts();
            // every capability missing from the platform's feature set excuses the packets it touches
            for (Feature missing : f.missing()) {
                out.add(new PlatformLimitation(id, missing, "cannot express " + missing.label()));
            }
        }
        return out;
    }
}
