package io.hallway.exchange;

import io.hallway.common.WireEnum;

/** How a connection was made; stored in connection.via by its wire name. */
public enum ConnectionVia implements WireEnum {
    /** A code shown online and scanned at once. */
    QR,
    /** A code an app showed without the network, redeemed later with the time it was scanned. */
    OFFLINE;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
