package io.portcullis.netconf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One request awaiting its reply. Stays queued after a timeout so that its late reply is recognised and dropped. */
final class PendingRpc {
    final String messageId;
    final String operation;
    final CompletableFuture<RpcReply> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> timer;

    PendingRpc(String messageId, String operation) {
        this.messageId = messageId;
        this.operation = operation;
    }

    void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
