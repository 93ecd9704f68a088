package org.zhucan.delivery;

import java.math.BigDecimal;

public record SetHomeLocationInput(long dinerId, BigDecimal latitude, BigDecimal longitude) {

    @Override
    public String toString() {
        return "SetHomeLocationInput[" + dinerId + "]"; // a home's position is personal data
    }
}
