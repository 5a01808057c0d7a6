/**
 * Portcullis' NETCONF client (RFC 6241 / 6242 / 5277 / 6470) on Apache MINA SSHD. Imports nothing else from the
 * project (it could be published as a library).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (NetconfClient client = NetconfClient.create(ClientSettings.defaults())) {        // one per process
 *     Endpoint dev = Endpoint.of("192.0.2.1", 830, "netconf", Credential.privateKey(key, null), knownHosts);
 *     try (NetconfSession s = client.connect(dev)) {                                      // close() = close-session + forced close
 *         s.execute(new Lock(Datastore.CANDIDATE));                                        // RpcErrorException on rpc-error
 *         s.execute(EditConfig.of(Datastore.CANDIDATE, xml));
 *         s.execute(Commit.confirmed(120));
 *         Element data = s.execute(new GetConfig(Datastore.RUNNING, Filter.subtree(f))).data();
 *     }
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Every failure is a {@link io.portcullis.netconf.NetconfException} with a {@link io.portcullis.netconf.Failure}
 *       (connect refused/timeout, auth, host key unknown vs CHANGED, algorithms, hello, framing, protocol desync, RPC
 *       timeout, session closed, missing capability, rpc-error). Messages never contain secrets.</li>
 *   <li>Every RPC has an absolute deadline ({@link io.portcullis.netconf.ClientSettings#rpcTimeout()} or per call);
 *       incoming traffic (e.g. notifications) never extends it.</li>
 *   <li>Pipelining: {@link io.portcullis.netconf.NetconfSession#send} returns a future; replies are matched in
 *       order by message-id; any mismatch closes the session and fails all outstanding RPCs (PROTOCOL_DESYNC).</li>
 *   <li>Notifications go to {@link io.portcullis.netconf.NotificationStream}, never mixed with replies and never
 *       dropped (overflow fails the session instead).</li>
 *   <li>Each operation in {@code rpc} declares its capabilities; a missing one fails before sending.</li>
 *   <li>rpc-errors are structured ({@link io.portcullis.netconf.RpcError}); warnings alone do not fail; lock-denied
 *       holders are extracted in every vendor shape ({@link io.portcullis.netconf.LockHolder});
 *       {@code rollback-failed} is distinguishable.</li>
 *   <li>SSH: known_hosts checking (STRICT default, ACCEPT_NEW, OFF logged as WARNING), only the configured
 *       identity, no SHA-1 ssh-rsa/DSA/group1/group14-sha1/chacha20/CBC unless excepted per device.</li>
 * </ul>
 * Other transports (tests, the simulator) can drive {@link io.portcullis.netconf.NetconfSession#establish} through
 * the {@link io.portcullis.netconf.Transport} interface. Framing lives in {@code framing}, hardened XML in {@code xml}.
 */
package io.portcullis.netconf;
