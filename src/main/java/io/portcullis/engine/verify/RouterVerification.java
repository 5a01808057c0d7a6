package io.portcullis.engine.verify;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.verify.VerificationResult;
import io.portcullis.verify.Verifier;
import java.util.List;

/**
 * One device's full verify: compile → prove the compiled IR → render → read the payload back with
 * the platform's reader → prove the read-back. Both proofs are against the compiler's promise, so
 * a renderer or reader that changes any packet's fate is caught, not only a wrong compiler.
 *
 * @param compiledResult null when out of scope
 * @param readBack       null when rendering or reading failed (see {@code error})
 * @param error          one sentence for the user, or null
 */
public record RouterVerification(
        CompiledRouter compiled,
        VerificationResult compiledResult,
        FilterIntent readBack,
        VerificationResult readBackResult,
        List<String> warnings,
        String error) {

    public enum Status {
        PROVEN,
        VIOLATED,
        ERROR,
        OUT_OF_SCOPE
    }

    public static RouterVerification run(CompiledRouter c) {
        if (!c.inScope()) {
            return new RouterVerification(c, null, null, null, List.of(), null);
        }
        VerificationResult ofCompiled = Verifier.verify(c.intent(), c.promise());
        PlatformAdapter adapter = Platforms.get(c.device().platform());
        String payload;
        try {
            payload = adapter.renderConfig(c.intent());
        } catch (UnsupportedFeatureException e) {
            return new RouterVerification(c, ofCompiled, null, null, List.of(), unsupported(e, c.name()));
        } catch (UnsupportedOperationException e) {
            return new RouterVerification(
                    c,
                    ofCompiled,
                    null,
                    null,
                    List.of(),
                    "the " + adapter.id() + " renderer/reader is not available in this build (" + e.getMessage() + ")");
        }
        ReadResult read;
        try {
            read = adapter.read(c.name(), payload);
        } catch (ReadException e) {
            return new RouterVerification(
                    c,
                    ofCompiled,
                    null,
                    null,
                    List.of(),
                    "the " + adapter.id() + " reader cannot read back the rendered payload of " + c.name() + ": "
                            + e.getMessage());
        } catch (UnsupportedOperationException e) {
            return new RouterVerification(
                    c,
                    ofCompiled,
                    null,
                    null,
                    List.of(),
                    "the " + adapter.id() + " reader is not available in this build (" + e.getMessage() + ")");
        }
        return new RouterVerification(
                c, ofCompiled, read.intent(), Verifier.verify(read.intent(), c.promise()), read.warnings(), null);
    }

    /** "junos cannot express X (term 'y') for device Z; change the policy or exclude this platform …". */
    public static String unsupported(UnsupportedFeatureException e, String device) {
        return e.platform() + " cannot express " + e.feature() + (e.term() == null ? "" : " (term '" + e.term() + "')")
                + " for device " + device + "; change the policy or exclude this platform with the policy's scope";
    }

    public Status status() {
        if (compiledResult == null) {
            return Status.OUT_OF_SCOPE;
        }
        if (!compiledResult.proven() || (readBackResult != null && !readBackResult.proven())) {
            return Status.VIOLATED;
        }
        return error != null ? Status.ERROR : Status.PROVEN;
    }

    public String name() {
        return compiled.name();
    }

    public String platform() {
        return compiled.device().platform();
    }
}
