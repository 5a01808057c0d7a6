package io.portcullis.engine.router;

import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;

/** The managed subtree of one datastore as read and understood, with its digest and the XML the router sent. */
public record Observed(ReadResult read, String digest, String xml) {

    public static Observed read(RouterSession session, Target target, PlatformAdapter platform, Datastore source) {
        String xml = session.getConfig(source, platform.managedSubtreeFilter(target.intent()));
        try {
            ReadResult r = platform.read(target.name(), xml);
            return new Observed(r, Digests.managedSubtree(r), xml);
        } catch (ReadException e) {
            throw new RouterException(
                    RouterException.Kind.UNREADABLE,
                    "the " + source.xmlName() + " configuration of " + target.name() + " could not be read as "
                            + platform.id() + ": " + e.getMessage(),
                    null,
                    null,
                    null,
                    e);
        }
    }
}
