package org.zhucan.network;

/** How a meal reaches the diner. */
public enum Fulfilment {
    DINE_IN,
    PICKUP,
    DELIVERY
}
