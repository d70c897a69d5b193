using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Pulses;

public class ClientAnswersTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(1, 10)]
    [InlineData(6, 5)]
    [InlineData(5, 6)]
    public void The_interests_first_answer_is_mirrored_into_self_orientation(int answer, int selfOrientation) =>
        ClientAnswers.SelfOrientationFrom(answer).ShouldBe(selfOrientation);

    [Fact]
    public void All_ones_is_the_lowest_T_there_is()
    {
        var answers = new ClientAnswers(1, 1, 1, 1);

        answers.Factors.ShouldBe(new TrustFactors(1, 1, 1, 10));
        TrustEquation.Exact(answers.Factors).ShouldBe(0.3m);
    }

    [Fact]
    public void All_tens_is_the_highest_T_there_is()
    {
        var answers = new ClientAnswers(10, 10, 10, 10);

        answers.Factors.ShouldBe(new TrustFactors(10, 10, 10, 1));
        TrustEquation.Exact(answers.Factors).ShouldBe(30m);
        answers.InterestsFirst.ShouldBe(10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void An_answer_off_the_scale_cannot_be_made(int answer)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ClientAnswers(5, 5, 5, answer));
        Should.Throw<ArgumentOutOfRangeException>(() => new ClientAnswers(answer, 5, 5, 5));
    }
}
