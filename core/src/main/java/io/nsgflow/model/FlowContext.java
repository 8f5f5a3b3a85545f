package io.nsgflow.model;

import java.io.Serializable;

/**
 * What every tuple of one group in one record shares: where it was read and what the record and
 * its blob path say about it. Built once per group, not per tuple. Any field but {@code source}
 * and {@code format} may be null when neither the record nor the path names it.
 *
 * @param source         the file the record was read from, as the user named it ({@code -} for stdin)
 * @param recordIndex    the record's position in that file, from 0
 * @param format         which decoder read the tuples
 * @param version        {@code properties.Version} (1, 2) or {@code flowLogVersion} (4)
 * @param subscription   the subscription GUID, lower case
 * @param resourceGroup  the resource group, as Azure spells it in the resource ID (upper case)
 * @param nsg            the network security group's name
 * @param rule           the rule that decided the tuples
 * @param mac            the network interface's MAC address, 12 upper-case hex digits
 * @param aclId          VNet only: what decided (a GUID, an NSG resource path or {@code unspecified})
 * @param targetResource VNet only: the VNet, subnet or NIC the flow log targets
 * @param flowLog        VNet only: the flow-log resource's name
 */
public record FlowContext(
        String source,
        long recordIndex,
        LogFormat format,
        int version,
        String subscription,
        String resourceGroup,
        String nsg,
        String rule,
        String mac,
        String aclId,
        String targetResource,
        String flowLog) implements Serializable {
}
