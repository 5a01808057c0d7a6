package io.portcullis.guard;

import io.portcullis.engine.memory.RouterLocks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another Portcullis process, for {@link FileRouterLocksTest}: takes one router's lock file (args: directory, key, run
 * id, actor; waiting up to 30 s), prints "held", holds it until its standard input says "release" or closes, then prints
 * "released". A test may also kill it with the lock held.
 */
public final class LockHolderProcess {
    private LockHolderProcess() {}

    public static void main(String[] args) throws Exception {
        FileRouterLocks locks = new FileRouterLocks(Path.of(args[0]));
        RouterLocks.Lease lease =
                locks.acquire(args[1], new RouterLocks.Holder(args[2], args[3]), Duration.ofSeconds(30));
        System.out.println("held");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("release")) {
            // wait for the word
        }
        lease.close();
        System.out.println("released");
        System.out.flush();
    }
}
