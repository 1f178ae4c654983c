/**
 * Renders a lab's links as Multus NetworkAttachmentDefinitions, one per point-to-point link, as pure
 * functions of a {@link dev.labforge.cluster.plan.LinkPlan}.
 *
 * <p>How a link is wired on the nodes is a {@link dev.labforge.cluster.multus.LinkDriver}: {@code bridge} (one
 * Linux bridge per link, single node) or {@code vlan} (a VLAN on a shared trunk bridge, across nodes). The VM side
 * never changes with the driver. CNI configs are built only from these templates, never from user text: whoever
 * writes a NAD chooses host bridges and VLANs.
 */
package dev.labforge.cluster.multus;
