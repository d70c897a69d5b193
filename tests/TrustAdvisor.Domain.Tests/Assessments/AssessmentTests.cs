using TrustAdvisor.Domain.Assessments;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Assessments;

public class AssessmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Guid Author = Guid.NewGuid();

    private static ScoredMeeting Meeting(DateOnly? date = null, string? note = null) =>
        new(date ?? Today, MeetingKind.Video, new TrustFactors(7, 8, 6, 3), note);

    [Fact]
    public void Recording_stores_the_factors_and_T()
    {
        var id = Guid.NewGuid();
        var assessment = Assessment.Record(id, Guid.NewGuid(), Author, Meeting(note: "  Talked budgets.  "), Now, Today);

        assessment.LineageId.ShouldBe(id);
        assessment.Revision.ShouldBe(1);
        assessment.Trust.ShouldBe(7.0);
        assessment.Note.ShouldBe("Talked budgets.");
        assessment.IsCurrent.ShouldBeTrue();
    }

    [Theory]
    [InlineData(2026, 11, 23)]
    [InlineData(1989, 12, 31)]
    public void Refuses_a_meeting_in_the_future_or_before_1990(int year, int month, int day)
    {
        Should.Throw<ArgumentOutOfRangeException>(() =>
            Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), Author, Meeting(new DateOnly(year, month, day)), Now, Today));
    }

    [Fact]
    public void Refuses_an_overlong_note() =>
        Should.Throw<ArgumentException>(() =>
            Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), Author, Meeting(note: new string('x', 2001)), Now, Today));

    [Fact]
    public void A_correction_is_a_new_revision_and_keeps_the_old_values()
    {
        var original = Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), Author, Meeting(), Now, Today);
        var corrected = original.Correct(
            Guid.NewGuid(),
            Author,
            new ScoredMeeting(Today, MeetingKind.InPerson, new TrustFactors(7, 8, 6, 6), null),
            "Typed S as 3, meant 6",
            Now.AddHours(1),
            Today);

        original.IsCurrent.ShouldBeFalse();
        original.Factors.SelfOrientation.ShouldBe(3);
        original.Trust.ShouldBe(7.0);
        corrected.LineageId.ShouldBe(original.LineageId);
        corrected.Revision.ShouldBe(2);
        corrected.Trust.ShouldBe(3.5);
        corrected.CorrectionReason.ShouldBe("Typed S as 3, meant 6");
    }

    [Fact]
    public void Only_the_current_revision_can_be_corrected()
    {
        var original = Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), Author, Meeting(), Now, Today);
        original.Correct(Guid.NewGuid(), Author, Meeting(), "first", Now, Today);

        Should.Throw<InvalidOperationException>(() => original.Correct(Guid.NewGuid(), Author, Meeting(), "second", Now, Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_correction_needs_a_reason(string reason)
    {
        var original = Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), Author, Meeting(), Now, Today);

        Should.Throw<ArgumentException>(() => original.Correct(Guid.NewGuid(), Author, Meeting(), reason, Now, Today));
        original.IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void A_private_note_is_readable_by_its_author_only()
    {
        var author = Guid.NewGuid();
        var assessment = Assessment.Record(
            Guid.NewGuid(), Guid.NewGuid(), author, Meeting(note: "They are worried about redundancies.") with { NoteIsPrivate = true }, Now, Today);

        assessment.NoteIsPrivate.ShouldBeTrue();
        Assessment.CanReadNote(assessment.NoteIsPrivate, assessment.NoteAuthorId, author).ShouldBeTrue();
        Assessment.CanReadNote(assessment.NoteIsPrivate, assessment.NoteAuthorId, Guid.NewGuid()).ShouldBeFalse();
        Assessment.CanReadNote(assessment.NoteIsPrivate, assessment.NoteAuthorId, null).ShouldBeFalse();
        Assessment.CanReadNote(noteIsPrivate: false, assessment.AuthorId, Guid.NewGuid()).ShouldBeTrue();
    }

    [Fact]
    public void A_correction_that_keeps_the_note_keeps_its_writer()
    {
        var writer = Guid.NewGuid();
        var manager = Guid.NewGuid();
        var original = Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), writer, Meeting(note: "In confidence.") with { NoteIsPrivate = true }, Now, Today);

        var kept = original.Correct(Guid.NewGuid(), manager, Meeting(note: "In confidence.") with { NoteIsPrivate = true }, "S was off", Now, Today);
        var rewritten = kept.Correct(Guid.NewGuid(), manager, Meeting(note: "Rewritten."), "Note was wrong", Now, Today);

        (kept.AuthorId, kept.NoteAuthorId).ShouldBe((manager, writer));
        rewritten.NoteAuthorId.ShouldBe(manager);
    }

    [Fact]
    public void Without_a_note_there_is_nothing_private() =>
        Assessment.Record(Guid.NewGuid(), Guid.NewGuid(), Author, Meeting() with { NoteIsPrivate = true }, Now, Today).NoteIsPrivate.ShouldBeFalse();
}
