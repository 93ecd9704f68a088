package org.zhucan.diner;

/** Which place of a diner an entry of the residence history names (户籍 or 常住). */
public enum ResidenceKind {
    /** The community of the household registration (户籍): subsidy policy and the street staff's scope. */
    HOUSEHOLD,
    /** The community where the diner actually lives and eats (常住): where demand coverage counts the diner. */
    RESIDENCE
}
