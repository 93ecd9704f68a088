package org.zhucan.menu;

/** The three amounts 三减 watches (seed 002: 减盐、减油、减糖). */
public enum Nutrient {
    SALT,
    OIL,
    SUGAR
}
