/**
 * The NETCONF operations, one small record each. Each states the capabilities it needs
 * ({@link io.portcullis.netconf.NetconfRpc#requiredCapabilities()}); the session refuses to send it, with
 * {@link io.portcullis.netconf.Failure#MISSING_CAPABILITY} ("server lacks :candidate"), when the server hello did not
 * advertise them. Run with {@code session.execute(new Lock(Datastore.CANDIDATE))}.
 */
package io.portcullis.netconf.rpc;
