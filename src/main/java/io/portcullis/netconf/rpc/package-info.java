/**
 * The NETCONF operations, one small record each. Each states the capabilities it needs
 * ({@link io.portcullis.netconf.rpc.NetconfRpc#requiredCapabilities()}); the session refuses to send it, with
 * {@link io.portcullis.netconf.Failure#MISSING_CAPABILITY} ("server lacks :candidate"), when the server hello did not
 * advertise them. Run with {@code session.execute(new Lock(Datastore.CANDIDATE))}.
 *
 * <p>{@link io.portcullis.netconf.rpc.NetconfRpc} (what the session sends) lives here, so the arrow points one way:
 * the session in {@code io.portcullis.netconf} imports this package, this package imports nothing from the project.
 */
package io.portcullis.netconf.rpc;
