/**
 * The fleet as the operator lists it ({@code inventory/hosts.yaml}, groups, defaults, known_hosts): each
 * {@link io.portcullis.inventory.Device} is one router entry (the glossary's "router") with its platform, address,
 * credentials reference (env var or file, never the secret) and attach points; {@link io.portcullis.inventory.Limit}
 * selects the entries a command works on.
 *
 * <p>May import {@code intent}, {@code policy} (diagnostics and the source parser) and {@code platform} (to check
 * platform names against the registry). Never {@code compile}, {@code engine} or anything above.
 */
package io.portcullis.inventory;
