package org.zhucan.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives an operator a contract for a community, as the registry would hold it, so that fixtures can
 * assign sites to operators (a site goes only to an operator under contract for its community). Written
 * straight to the tables: fixtures of many tests share the demo communities, which the API's overlap
 * rule would rightly refuse; the rule itself is tested through the API in OperatorContractApiTests.
 */
public final class Contracts {

    private Contracts() {
    }

    /**
     * A contract from 2000 to 4999 of the operator for the community, unless one already covers it; it
     * ends so that tests can still assign contracts in the years after it.
     */
    public static void cover(JdbcTemplate jdbc, Object operatorId, Object communityId) {
        long operator = Long.parseLong(String.valueOf(operatorId));
        long community = Long.parseLong(String.valueOf(communityId));
        Integer covering = jdbc.queryForObject("""
                SELECT COUNT(*) FROM operator_contract oc JOIN region d ON d.id = oc.district_id JOIN region c ON c.id = ?
                WHERE oc.operator_id = ? AND oc.valid_to >= CURDATE() AND c.path LIKE CONCAT(d.path, '%')
                  AND (NOT EXISTS (SELECT 1 FROM operator_contract_community w WHERE w.contract_id = oc.id)
                       OR EXISTS (SELECT 1 FROM operator_contract_community l WHERE l.contract_id = oc.id AND l.community_id = c.id))""",
                Integer.class, community, operator);
        if (covering != null && covering > 0) {
            return;
        }
        Long district = jdbc.queryForObject("SELECT d.id FROM region d JOIN region c ON c.path LIKE CONCAT(d.path, '%') "
                + "WHERE c.id = ? AND d.level = 'DISTRICT' ORDER BY LENGTH(d.path) DESC LIMIT 1", Long.class, community);
        jdbc.update("INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, note, created_at) "
                + "VALUES (?, ?, DATE '2000-01-01', DATE '4999-12-31', 'test fixture', UTC_TIMESTAMP(6))", operator, district);
        Long contract = jdbc.queryForObject("SELECT MAX(id) FROM operator_contract WHERE operator_id = ? AND district_id = ? "
                + "AND note = 'test fixture'", Long.class, operator, district);
        jdbc.update("INSERT INTO operator_contract_community (contract_id, community_id) VALUES (?, ?)", contract, community);
    }
}
