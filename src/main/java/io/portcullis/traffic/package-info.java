/**
 * {@code portcullis lab --traffic PPS}: the lab's routers make real traffic decisions. Each simulated BNG is
 * fed a synthetic packet mix ({@link io.portcullis.traffic.PacketMix}: mostly web and other traffic, some
 * inbound SNMP/SMTP probes toward subscribers, outbound mail from subscribers, IPv4 and IPv6). Every tick,
 * {@link io.portcullis.traffic.RouterTraffic} reads the device's running datastore back into the IR with the
 * platform's own reader, decides each packet class with the verifier's evaluator
 * ({@link io.portcullis.verify.Verifier#evaluate}) at every attach point, and adds the packets to the
 * deciding term's counters. {@link io.portcullis.traffic.CounterStates} then serves those counters the way
 * each platform does (OpenConfig/RFC 8519 state leaves, SR OS nokia-state, IOS-XR acl-oper, Junos
 * {@code get-firewall-filter-information}, VRP huawei-acl) through the simulator's
 * {@link io.portcullis.lab.device.OperationalState} hook.
 *
 * <p>Sits above {@code lab}, {@code platform} and {@code verify} (the simulator itself stays protocol-only).
 *
 * <p>May import {@code lab} (and its subpackages), {@code platform}, {@code platform.registry}, {@code verify} and
 * {@code intent}; never {@code engine} and above (ArchitectureTest), so the lab's packets are decided by the proof's
 * evaluator, not by the code under test.
 */
package io.portcullis.traffic;
