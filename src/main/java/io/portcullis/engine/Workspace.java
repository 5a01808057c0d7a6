package io.portcullis.engine;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.compile.Compiler;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Feature;
import io.portcullis.inventory.Device;
import io.portcullis.inventory.Inventory;
import io.portcullis.inventory.InventoryLoader;
import io.portcullis.inventory.Limit;
import io.portcullis.inventory.SetupChecks;
import io.portcullis.platform.FeatureCheck;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.ExemptionWidth;
import io.portcullis.policy.Policy;
import io.portcullis.policy.PromiseLoader;
import io.portcullis.policy.PublishedPromise;
import io.portcullis.policy.Severity;
import io.portcullis.policy.load.PolicyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What every command starts from: the policy and inventory loaded with all checks, the devices
 * selected by {@code --limit}, and the compiler applied per device with its platform's implicit
 * default. Commands call {@link #open} and stop with exit 1 when it returns empty.
 */
public final class Workspace {
    private final PolicyLoader.Result policyResult;
    private final Inventory inventory;
    private final List<Device> selected;
    private final List<Diagnostic> diagnostics;
    private final LocalDate today;
    private final Path promiseFile;
    private final PublishedPromise promise;

    private Workspace(
            PolicyLoader.Result policyResult,
            Inventory inventory,
            List<Device> selected,
            List<Diagnostic> diagnostics,
            LocalDate today,
            Path promiseFile,
            PublishedPromise promise) {
        this.promiseFile = promiseFile;
        this.promise = promise;
        this.policyResult = policyResult;
        this.inventory = inventory;
        this.selected = List.copyOf(selected);
        this.diagnostics = List.copyOf(diagnostics);
        this.today = today;
    }

    /** Loads with today's date (UTC), the date exemptions expire against. */
    public static Workspace load(Path policy, Path inventoryDir, String limit) {
        return load(policy, inventoryDir, limit, LocalDate.now(ZoneOffset.UTC));
    }

    public static Workspace load(Path policy, Path inventoryDir, String limit, LocalDate today) {
        // building the YANG schema context costs about as much CPU as a 10,000-host inventory: overlap them
        CompletableFuture<PolicyLoader.Result> policyLoad =
                CompletableFuture.supplyAsync(() -> PolicyLoader.load(policy, today));
        Inventory inv = InventoryLoader.load(inventoryDir);
        PolicyLoader.Result p;
        try {
            p = policyLoad.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        List<Diagnostic> all = new ArrayList<>(p.diagnostics());
        Path promiseFile = PromiseLoader.locate(policy);
        PromiseLoader.Result promise = PromiseLoader.load(promiseFile);
        all.addAll(promise.diagnostics());
        if (p.policy() != null) {
            PublishedPromise pp = promise.promise();
            all.addAll(ExemptionWidth.check(
                    p.policy(),
                    p.file(),
                    p.lines(),
                    pp == null ? PublishedPromise.DEFAULT_MAX_EXEMPTION_IPV4 : pp.maxExemptionIpv4(),
                    pp == null ? PublishedPromise.DEFAULT_MAX_EXEMPTION_IPV6 : pp.maxExemptionIpv6(),
                    pp == null ? "the default" : "max-exemption in " + pp.file()));
        }
        all.addAll(inv.diagnostics());
        if (p.policy() != null && !inv.devices().isEmpty()) {
            all.addAll(scopeChecks(p, inv));
        }
        Limit.Selection sel = Limit.apply(limit, inv);
        all.addAll(sel.diagnostics());
        return new Workspace(p, inv, sel.devices(), all, today, promiseFile, promise.promise());
    }

    /**
     * Loads, prints every diagnostic to {@code err}, and returns the workspace only when there are
     * no errors (warnings are printed and do not stop the command).
     */
    public static Optional<Workspace> open(Path policy, Path inventoryDir, String limit, PrintWriter err) {
        Workspace w = load(policy, inventoryDir, limit);
        w.printDiagnostics(err);
        if (w.hasErrors()) {
            err.println("portcullis: " + w.summary());
            err.flush();
            return Optional.empty();
        }
        return Optional.of(w);
    }

    private static List<Diagnostic> scopeChecks(PolicyLoader.Result p, Inventory inv) {
        List<Diagnostic> out = new ArrayList<>();
        Policy policy = p.policy();
        String path = "/portcullis-policy:policy/scope";
        int line = p.lines().getOrDefault(path, p.lines().getOrDefault("/portcullis-policy:policy", 0));
        for (String g : policy.scope().groups()) {
            if (!inv.groups().contains(g)) {
                out.add(Diagnostic.warning(
                        p.file(),
                        p.lines().getOrDefault(path + "/group[.='" + g + "']", line),
                        path + "/group",
                        "scope group '" + g + "' is not defined in the inventory's groups.yaml"));
            }
        }
        if (inv.devices().stream().noneMatch(d -> Compiler.inScope(policy.scope(), d))) {
            out.add(Diagnostic.error(
                    p.file(),
                    line,
                    path,
                    "the scope (groups " + listOrAll(policy.scope().groups()) + ", platforms "
                            + listOrAll(policy.scope().platforms()) + ") selects no device of the inventory "
                            + inv.directory()
                            + "; fix the scope or the devices' groups/platforms"));
        }
        return out;
    }

    private static String listOrAll(List<String> l) {
        return l.isEmpty() ? "any" : String.join(", ", l);
    }

    public Policy policy() {
        return policyResult.policy();
    }

    public PolicyLoader.Result policyResult() {
        return policyResult;
    }

    /**
     * The published promise beside the policy ({@code promise.yaml}), proven by {@code verify} on every rendering;
     * empty when there is no such file.
     */
    public Optional<PublishedPromise> promise() {
        return Optional.ofNullable(promise);
    }

    /** Where the published promise is (or would be) read from. */
    public Path promiseFile() {
        return promiseFile;
    }

    public Inventory inventory() {
        return inventory;
    }

    /** Devices selected by {@code --limit} (all devices without it), in inventory order. */
    public List<Device> devices() {
        return selected;
    }

    /** A device by name from the whole inventory (commands with {@code --device}). */
    public Optional<Device> device(String name) {
        return inventory.device(name);
    }

    public LocalDate today() {
        return today;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return policyResult.policy() == null || diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public long count(Severity s) {
        return diagnostics.stream().filter(d -> d.severity() == s).count();
    }

    public CompiledRouter compile(Device device) {
        return Compiler.compile(
                policy(), device, Platforms.get(device.platform()).facts().implicitDefault(), today);
    }

    /** Every selected device compiled, including those outside the scope (their intent is empty). */
    public List<CompiledRouter> compileAll() {
        List<CompiledRouter> out = new ArrayList<>(selected.size());
        for (Device d : selected) {
            out.add(compile(d));
        }
        return out;
    }

    /**
     * The selected in-scope devices compiled, as the engine takes them (plan, apply, drift, the service):
     * out-of-scope devices are left alone, so they are not targets.
     */
    public List<Target> targets() {
        return compileAll().stream()
                .filter(CompiledRouter::inScope)
                .map(Target::of)
                .toList();
    }

    /** Selected devices the policy's scope does not select: nothing is rendered or pushed for them. */
    public List<Device> outOfScope() {
        return selected.stream()
                .filter(d -> !Compiler.inScope(policy().scope(), d))
                .toList();
    }

    /**
     * One warning per in-scope router and feature the policy needs there but the router's platform lacks
     * ({@code <P>Facts.FEATURES}, asked through {@link FeatureCheck} as the renderers do): apply would refuse
     * that router, so validate says so before anyone tries. Warnings only: the policy itself is valid.
     */
    public List<String> missingFeatures() {
        List<String> out = new ArrayList<>();
        for (Target t : targets()) {
            PlatformFacts facts = Platforms.get(t.device().platform()).facts();
            for (Feature f : FeatureCheck.needs(t.intent(), facts.implicitDefault())) {
                if (!facts.supports(f)) {
                    out.add("warning: router " + t.name() + " (" + t.device().platform()
                            + ") cannot get this policy: it needs " + f.id() + " (" + f.label() + "), which "
                            + facts.displayName() + " lacks");
                }
            }
        }
        return out;
    }

    /**
     * Warnings about what plan or apply would hit at connect time in this environment: unset password variables,
     * missing or world-readable password and key files, missing known_hosts ({@code SetupChecks}). {@code validate}
     * prints them; they never fail it.
     */
    public List<Diagnostic> setupWarnings(java.util.function.Function<String, String> env) {
        return inventory.devices().isEmpty() ? List.of() : SetupChecks.check(inventory, selected, env);
    }

    /** One line per out-of-scope device, so nobody wonders why a router got nothing. */
    public void reportOutOfScope(PrintWriter out) {
        for (Device d : outOfScope()) {
            out.println("note: " + d.name() + " (" + d.platform()
                    + ") is outside the policy scope; nothing is rendered for it");
        }
        out.flush();
    }

    public void printDiagnostics(PrintWriter err) {
        for (Diagnostic d : diagnostics) {
            err.println(d.format());
        }
        err.flush();
    }

    /** "policy/x.yaml and inventory are valid: 6 devices (6 in scope), 0 warnings" or "... 2 errors, 1 warning". */
    public String summary() {
        return summary(0);
    }

    /** The summary counting {@code extraWarnings} more (validate's setup warnings). */
    public String summary(int extraWarnings) {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING) + extraWarnings;
        String w = warnings + " warning" + (warnings == 1 ? "" : "s");
        if (hasErrors()) {
            return "invalid: " + errors + " error" + (errors == 1 ? "" : "s") + ", " + w;
        }
        long inScope = selected.size() - outOfScope().size();
        return "valid: policy " + policyResult.file() + ", " + selected.size() + " device"
                + (selected.size() == 1 ? "" : "s")
                + " (" + inScope + " in scope), " + policy().services().size() + " service"
                + (policy().services().size() == 1 ? "" : "s") + ", " + w;
    }
}
