/**
 * The simulator's transport: one MINA SSH server ({@link io.portcullis.lab.server.LabServer}) serving many
 * simulated routers, the NETCONF subsystem channel with RFC 6242 framing, the hello exchange and replies, and
 * framing faults for tests.
 *
 * <p>May import {@code lab.device}, {@code lab.datastore}, {@code netconf.framing} and {@code netconf.xml}.
 */
package io.portcullis.lab.server;
