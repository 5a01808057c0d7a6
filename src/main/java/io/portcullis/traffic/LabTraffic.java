package io.portcullis.traffic;

import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.LabPlatform;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Synthetic traffic for a whole lab fleet: one {@link RouterTraffic} per router, plugged into the router's
 * {@code <get>} (and Junos' firewall RPC) as operational state, and a daemon thread that ticks every router
 * once per period. Tests call {@link #tick(double)} instead of waiting for the clock.
 */
public final class LabTraffic implements AutoCloseable {
    private final Map<String, RouterTraffic> devices = new LinkedHashMap<>();
    private final double pps;
    private ScheduledExecutorService clock;

    private LabTraffic(LabFleet fleet, double pps) {
        this.pps = pps;
        for (SimDevice d : fleet.devices()) {
            LabPlatform p = fleet.platformOf(d);
            List<AttachPoint> points = new ArrayList<>();
            p.interfaces().forEach(i -> points.add(new AttachPoint(AttachKind.INTERFACE, i)));
            p.profiles().forEach(i -> points.add(new AttachPoint(AttachKind.PROFILE, i)));
            RouterTraffic t = new RouterTraffic(d, Platforms.get(p.id()), points, PacketMix.standard());
            d.setOperationalState(CounterStates.of(p.id(), t));
            devices.put(d.name(), t);
        }
    }

    /** Plugs traffic into every router of {@code fleet} (counters start at zero) without starting the clock. */
    public static LabTraffic attach(LabFleet fleet, double pps) {
        if (!(pps > 0)) {
            throw new IllegalArgumentException("--traffic must be a positive number of packets per second");
        }
        return new LabTraffic(fleet, pps);
    }

    /** Starts ticking every {@code periodMillis} on a daemon thread. */
    public LabTraffic start(long periodMillis) {
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-traffic");
            t.setDaemon(true);
            return t;
        });
        double seconds = periodMillis / 1000.0;
        clock.scheduleAtFixedRate(() -> tick(seconds), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Feeds every router {@code seconds} of traffic now. */
    public void tick(double seconds) {
        for (RouterTraffic t : devices.values()) {
            try {
                t.tick(seconds, pps);
            } catch (RuntimeException e) {
                // one router's odd configuration must not stop the traffic of the others; its counters just stay put
            }
        }
    }

    public RouterTraffic device(String name) {
        RouterTraffic t = devices.get(name);
        if (t == null) {
            throw new java.util.NoSuchElementException("no lab device named " + name);
        }
        return t;
    }

    public List<RouterTraffic> devices() {
        return List.copyOf(devices.values());
    }

    public double pps() {
        return pps;
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.shutdownNow();
        }
    }
}
