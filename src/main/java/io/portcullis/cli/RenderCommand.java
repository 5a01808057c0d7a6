package io.portcullis.cli;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.verify.RouterVerification;
import io.portcullis.inventory.Device;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.platform.registry.Platforms;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis render}: the NETCONF payload (or a CLI-like text view) compiled for one device. */
@Command(
        name = "render",
        description = {
            "Print what Portcullis would configure on one device: the NETCONF <config> payload (xml)",
            "or a native-CLI-like view (text). Exit 0, or 1 on error."
        })
public class RenderCommand implements Callable<Integer> {
    enum Format {
        xml,
        text
    }

    @Mixin
    GlobalOptions global;

    @Option(
            names = "--device",
            required = true,
            paramLabel = "NAME",
            description = "The inventory device to render for.")
    String device;

    @Option(
            names = "--format",
            defaultValue = "xml",
            paramLabel = "xml|text",
            description = "xml: the NETCONF <config> payload; text: a native-CLI-like view.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace w = Workspace.open(global.policy, global.inventory, global.limit, err)
                .orElse(null);
        if (w == null) {
            return ExitCodes.ERROR;
        }
        Optional<Device> found = findDevice(w, device, "render", err);
        if (found.isEmpty()) {
            return ExitCodes.ERROR;
        }
        CompiledRouter compiled = w.compile(found.get());
        if (!compiled.inScope()) {
            err.println("portcullis render: " + device + " is outside the policy scope; nothing is rendered for it");
            err.flush();
            return ExitCodes.OK;
        }
        PlatformAdapter adapter = Platforms.get(found.get().platform());
        try {
            String payload = format == Format.xml
                    ? adapter.renderConfig(compiled.intent())
                    : adapter.renderText(compiled.intent());
            out.print(payload.endsWith("\n") ? payload : payload + "\n");
            out.flush();
            return ExitCodes.OK;
        } catch (UnsupportedFeatureException e) {
            err.println("portcullis render: " + RouterVerification.unsupported(e, device));
        } catch (UnsupportedOperationException e) {
            err.println("portcullis render: the " + adapter.id() + " renderer is not available in this build ("
                    + e.getMessage() + ")");
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    /** Looks a device up in the whole inventory; prints one clear sentence when it is not there. */
    static Optional<Device> findDevice(Workspace w, String name, String command, PrintWriter err) {
        Optional<Device> d = w.device(name);
        if (d.isEmpty()) {
            String known =
                    w.inventory().devices().stream().map(Device::name).limit(20).collect(Collectors.joining(", "));
            err.println("portcullis " + command + ": no device '" + name + "' in "
                    + w.inventory().hostsFile()
                    + (known.isEmpty()
                            ? ""
                            : "; known devices: " + known
                                    + (w.inventory().devices().size() > 20 ? ", …" : "")));
            err.flush();
        }
        return d;
    }
}
