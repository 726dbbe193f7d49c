// The Session's operations on the award and execution record (award.h): each one undo step.
#include "project/session.h"
#include "document/assemble.h"
#include <algorithm>

namespace clausier {

namespace {

size_t lot_count(const Project& p) { return std::max<size_t>(p.lots.size(), 1); }

bool known_commitment(const Project& p, const Library& lib, int commitment) {
    return commitment >= 1 && size_t(commitment) <= monitoring_rows(p, lib).size();
}

// The record of monitoring line `commitment`, created (in line order) when absent.
CommitmentRecord& commitment_record(Execution& e, int commitment) {
    auto it = std::find_if(e.commitments.begin(), e.commitments.end(),
                           [&](const CommitmentRecord& r) { return r.commitment == commitment; });
    if (it != e.commitments.end()) return *it;
    auto at = std::find_if(e.commitments.begin(), e.commitments.end(),
                           [&](const CommitmentRecord& r) { return r.commitment > commitment; });
    CommitmentRecord r;
    r.commitment = commitment;
    return *e.commitments.insert(at, r);
}

}  // namespace

bool Session::record_award(int lot) {
    if (lot < 1 || size_t(lot) > lot_count(project_)) return false;
    for (const LotAward& a : project_.award.lots)
        if (a.lot == lot) return false;
    return apply("attribution.lots", Merge::no, [&](Project& p) {
        LotAward a;
        a.lot = lot;
        a.holders.push_back({});
        a.advance = p.advance_percent > 0;
        a.advance_rate = p.advance_percent;
        auto at = std::find_if(p.award.lots.begin(), p.award.lots.end(), [&](const LotAward& x) { return x.lot > lot; });
        p.award.lots.insert(at, a);
    });
}

bool Session::remove_award(size_t index) {
    if (index >= project_.award.lots.size()) return false;
    return apply("attribution.lots", Merge::no, [&](Project& p) { p.award.lots.erase(p.award.lots.begin() + long(index)); });
}

bool Session::add_holder(size_t award) {
    if (award >= project_.award.lots.size()) return false;
    return apply("attribution.holders", Merge::no, [&](Project& p) {
        LotAward& a = p.award.lots[award];
        a.holders.push_back({});
        if (a.group == OperatorGroup::aucun) a.group = OperatorGroup::conjoint;
    });
}

bool Session::remove_holder(size_t award, size_t holder) {
    if (award >= project_.award.lots.size() || holder >= project_.award.lots[award].holders.size()) return false;
    return apply("attribution.holders", Merge::no, [&](Project& p) {
        LotAward& a = p.award.lots[award];
        a.holders.erase(a.holders.begin() + long(holder));
        if (a.holders.size() <= 1) a.group = OperatorGroup::aucun;
    });
}

bool Session::set_commitment_status(int commitment, CommitmentStatus status) {
    if (!known_commitment(project_, library(), commitment)) return false;
    return apply("execution.commitments", Merge::no,
                 [&](Project& p) { commitment_record(p.execution, commitment).status = status; });
}

bool Session::add_proof(int commitment, const ProofReceived& proof) {
    if (!known_commitment(project_, library(), commitment)) return false;
    return apply("execution.proofs", Merge::no,
                 [&](Project& p) { commitment_record(p.execution, commitment).proofs.push_back(proof); });
}

bool Session::add_penalty(int commitment, const PenaltyApplied& penalty) {
    if (!known_commitment(project_, library(), commitment) || !(penalty.amount >= 0)) return false;
    return apply("execution.penalties", Merge::no,
                 [&](Project& p) { commitment_record(p.execution, commitment).penalties.push_back(penalty); });
}

bool Session::add_insertion_hours(const InsertionDone& done) {
    if (!(done.hours > 0)) return false;
    return apply("execution.insertion", Merge::no, [&](Project& p) { p.execution.insertion.push_back(done); });
}

bool Session::remove_insertion_hours(size_t index) {
    if (index >= project_.execution.insertion.size()) return false;
    return apply("execution.insertion", Merge::no,
                 [&](Project& p) { p.execution.insertion.erase(p.execution.insertion.begin() + long(index)); });
}

}  // namespace clausier
