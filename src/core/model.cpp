#include "core/model.h"

#include <cstring>
#include <iterator>

namespace concerto {

namespace {
template <class E, std::size_t N> const char* CodeOf(E value, const char* const (&codes)[N])
{
    const auto index = static_cast<std::size_t>(value);
    return index < N ? codes[index] : "";
}

template <class E, std::size_t N> bool Lookup(const std::string& code, E& out, const char* const (&codes)[N])
{
    for (std::size_t i = 0; i < N; ++i) {
        if (code == codes[i]) {
            out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

// Order matches the enumerators.
const char* const kStatus[] = {"done", "in_progress", "planned", "dropped"};
const char* const kStance[] = {"support", "criticism", "proposal", "question", "observation"};
const char* const kState[] = {"new", "tagged", "to_review", "excluded"};
const char* const kKind[] = {"ordinary", "agora", "restitution"};
const char* const kDecision[] = {"proposed", "adopted", "rejected", "deferred"};
const char* const kChange[] = {"amended", "new", "dropped"};
} // namespace

const char* ToCode(CommitmentStatus v) { return CodeOf(v, kStatus); }
const char* ToCode(Stance v) { return CodeOf(v, kStance); }
const char* ToCode(ContributionState v) { return CodeOf(v, kState); }
const char* ToCode(MeetingKind v) { return CodeOf(v, kKind); }
const char* ToCode(Decision v) { return CodeOf(v, kDecision); }
const char* ToCode(ChangeKind v) { return CodeOf(v, kChange); }
bool FromCode(const std::string& c, CommitmentStatus& o) { return Lookup(c, o, kStatus); }
bool FromCode(const std::string& c, Stance& o) { return Lookup(c, o, kStance); }
bool FromCode(const std::string& c, ContributionState& o) { return Lookup(c, o, kState); }
bool FromCode(const std::string& c, MeetingKind& o) { return Lookup(c, o, kKind); }
bool FromCode(const std::string& c, Decision& o) { return Lookup(c, o, kDecision); }
bool FromCode(const std::string& c, ChangeKind& o) { return Lookup(c, o, kChange); }

const char* FrenchName(CommitmentStatus v)
{
    static const char* const names[] = {"Fait", "En cours", "Reste à faire", "Abandonné"};
    return CodeOf(v, names);
}

const char* FrenchName(Stance v)
{
    static const char* const names[] = {"soutien", "critique", "proposition", "question", "constat"};
    return CodeOf(v, names);
}

const char* FrenchName(ContributionState v)
{
    static const char* const names[] = {"nouvelle", "codée", "à revoir", "exclue"};
    return CodeOf(v, names);
}

const char* FrenchName(Decision v)
{
    static const char* const names[] = {"proposé", "adopté", "rejeté", "reporté"};
    return CodeOf(v, names);
}

const char* FrenchName(ChangeKind v)
{
    static const char* const names[] = {"modifié", "nouveau", "abandonné"};
    return CodeOf(v, names);
}

} // namespace concerto
