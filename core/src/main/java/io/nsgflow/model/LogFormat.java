package io.nsgflow.model;

/** The kinds of flow log nsgflow decodes, told apart per record. */
public enum LogFormat {
    /** NSG flow logs, {@code properties.Version} 1: eight fields, no state, no counters. */
    NSG_V1,
    /** NSG flow logs, {@code properties.Version} 2: adds the flow state and four counters. */
    NSG_V2,
    /** VNet flow logs ({@code FlowLogFlowEvent}): protocol numbers, deny in the state field, encryption. */
    VNET
}
