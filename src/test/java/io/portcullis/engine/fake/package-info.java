/**
 * In-memory routers for engine tests: {@link io.portcullis.engine.fake.FakeConnector} and
 * {@link io.portcullis.engine.fake.FakeRouter} implement the {@code engine.router} port without NETCONF, so transaction
 * and rollout logic is tested in milliseconds. May import {@code engine} and its rooms, {@code intent}, {@code platform}.
 */
package io.portcullis.engine.fake;
