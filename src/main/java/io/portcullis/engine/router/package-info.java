/**
 * Talking to one router: the {@link io.portcullis.engine.router.RouterSession} port the rest of the engine uses,
 * its NETCONF implementation on {@code io.portcullis.netconf}, the connector that opens sessions, digests of the
 * managed subtree, and the typed errors a router can cause.
 *
 * <p>May import {@code netconf}, {@code platform}, {@code intent}, {@code inventory}, {@code engine.targets}; never
 * another engine room.
 * This is the only room that knows NETCONF exists (ArchitectureTest {@code onlyTheRouterRoomTalksNetconf}).
 */
package io.portcullis.engine.router;
