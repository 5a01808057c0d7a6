/**
 * The command line (picocli on Quarkus): one class per command ({@code validate}, {@code render},
 * {@code verify}, {@code plan}, {@code apply}, {@code recover}, {@code drift}, {@code lab}, {@code serve}), the
 * global options, exit codes, and the printers that turn engine results into text or JSON. Errors are one
 * sentence; stack traces only with {@code --verbose}.
 *
 * <p>The top layer: may import every area ({@code engine} and its rooms, {@code api} to start the service,
 * {@code lab} for the lab command, {@code compile}, {@code platform}, {@code verify}, ...). Nothing imports it.
 */
package io.portcullis.cli;
