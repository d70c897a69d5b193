using TrustAdvisor.Domain.Pulses;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Domain.Tests.Pulses;

public class CalibrationTests
{
    [Fact]
    public void An_advisor_well_above_their_clients_on_one_factor_is_lenient_on_it()
    {
        var calibration = new Calibration(12, 0.4, 2.1, 0.2, -0.3);

        calibration.Kind.ShouldBe(CalibrationKind.Lenient);
        calibration.MostOff.ShouldBe(Factor.Reliability);
        calibration.Describe().ShouldBe("Lenient on reliability: 2.1 better than clients say");
    }

    [Fact]
    public void Rating_self_orientation_above_the_clients_is_severe()
    {
        var calibration = new Calibration(8, -0.2, 0.1, -0.5, 1.6);

        calibration.Kind.ShouldBe(CalibrationKind.Severe);
        calibration.MostOff.ShouldBe(Factor.SelfOrientation);
        calibration.Describe().ShouldBe("Severe on self-orientation: 1.6 worse than clients say");
    }

    [Fact]
    public void Rating_self_orientation_below_the_clients_is_lenient()
    {
        new Calibration(8, 0, 0, 0, -1.0).Kind.ShouldBe(CalibrationKind.Lenient);
    }

    [Fact]
    public void Within_a_point_everywhere_is_in_step()
    {
        new Calibration(20, 0.9, -0.9, 0.5, 0.99).Kind.ShouldBe(CalibrationKind.InStep);
    }

    [Theory]
    [InlineData(0, "No answers yet")]
    [InlineData(4, "Too few answers to say (4)")]
    public void A_small_sample_gets_no_verdict(long answers, string words)
    {
        var calibration = new Calibration(answers, answers == 0 ? null : 3.0, answers == 0 ? null : 3.0, null, null);

        calibration.IsSmallSample.ShouldBeTrue();
        calibration.Kind.ShouldBe(CalibrationKind.Unknown);
        calibration.Describe().ShouldBe(words);
    }
}
