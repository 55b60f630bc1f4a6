#include "app/areas.h"

#include <wx/intl.h>

namespace concerto {

std::vector<AreaText> AreaTexts()
{
    // Built on each call rather than once, so that the texts follow the loaded catalog.
    std::vector<AreaText> texts(AreaCount);
    texts[DashboardArea] = {_("Dashboard"), wxString(), wxString()};
    texts[ContributionsArea] = {
        _("Contributions"),
        _("Every contribution of the consultation, to read, search and filter by channel, meeting, neighbourhood "
          "or state, and a quick entry form to type in the paper slips after each meeting."),
        _("Meanwhile, the dashboard gives their totals by channel, neighbourhood and state.")};
    texts[CommitmentsArea] = {
        _("Commitments"),
        _("The programme's commitments by theme, with their progress status (done, in progress, planned, dropped) "
          "and its dated history, as the booklet presents them."),
        _("Meanwhile, the dashboard shows how many commitments the consultation follows.")};
    texts[MeetingsArea] = {
        _("Meetings"),
        _("Street stops, neighbourhood cafés, agoras and the restitution evening: where and when they took place, "
          "who came, and the contributions collected there."),
        _("Meanwhile, the dashboard counts the meetings and the contributions of each channel.")};
    texts[ReferenceDataArea] = {
        _("Reference data"),
        _("The neighbourhoods, channels, themes and thematic cards that every consultation of this database "
          "shares, editable by an administrator."),
        _("Meanwhile, the demo consultation comes with the city's neighbourhoods and channels ready to use.")};
    texts[CodingArea] = {
        _("Coding"),
        _("Tagging each contribution against the programme's commitments with a stance, using explained "
          "suggestions, bulk tagging and double coding with an agreement score."),
        _("Meanwhile, the dashboard shows how many contributions are still waiting to be tagged.")};
    texts[SynthesisArea] = {
        _("Synthesis"),
        _("The salient topics that emerge from the coding, the agoras that worked on them and the reorientation "
          "points decided at the restitution evening."),
        _("Meanwhile, the dashboard gives the number of salient topics and reorientation points.")};
    texts[ReportsArea] = {
        _("Reports"),
        _("The deliverable as PDF to print and as an Excel workbook to work with, the commitments booklet, the "
          "neighbourhood syntheses and the meeting sheets."),
        _("Meanwhile, the dashboard's figures are the ones the reports will total.")};
    texts[AdministrationArea] = {
        _("Administration"),
        _("The shared database on a server, users and their roles, report definitions and the purge of personal "
          "data once its retention date has passed."),
        _("Meanwhile, use File ▸ Open database… to switch between database files on this computer.")};
    return texts;
}

} // namespace concerto
