/**
 * The simulator's configuration storage: one {@link io.portcullis.lab.datastore.SimDatastore} is the content of
 * one simulated datastore (running, candidate or startup) as a DOM tree, with RFC 6241 edit-config semantics
 * ({@link io.portcullis.lab.datastore.EditConfig}: merge, replace, create, delete, remove, list keys, insert) and
 * subtree filtering ({@link io.portcullis.lab.datastore.SubtreeFilter}). Not the same type as
 * {@code netconf.rpc.Datastore} (the datastore names a client addresses) or {@code engine.router.Datastore} (the
 * engine's NETCONF-free copy of those names): see the glossary in docs/architecture.md.
 *
 * <p>Imports nothing from the project.
 */
package io.portcullis.lab.datastore;
