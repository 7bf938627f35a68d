using SiteGen.Finder;

namespace SiteGen.Tests.Finder;

/// <summary>Queries that cannot run: one line with the column, never an exception.</summary>
public sealed class FindProblemTests : IDisposable
{
    private readonly FinderCourse _course = new();

    public void Dispose() => _course.Dispose();

    [Theory]
    [InlineData("title:(agent", 13, "ends too early")]
    [InlineData("agent)", 6, "does not parse at \")\"")]
    [InlineData("\"tool use", 10, "A quote is not closed")]
    [InlineData("*gent", 1, "cannot start with *")]
    [InlineData("tool AND", 9, "ends too early")]
    public void Syntax_errors_name_the_column(string query, int column, string message)
    {
        var problem = _course.Find(new FindRequest { Query = query }).Problem;
        Assert.NotNull(problem);
        Assert.Equal("SG6001", problem.Code);
        Assert.Equal(column, problem.Column);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message + problem.Hint);
    }

    [Theory]
    [InlineData("the of and")]
    [InlineData("-the")]
    [InlineData("(a OR an) AND the")]
    public void Only_stop_words_is_a_clear_problem(string query)
    {
        var problem = _course.Find(new FindRequest { Query = query }).Problem;
        Assert.Equal("SG6002", problem?.Code);
    }

    [Fact]
    public void A_10000_character_query_is_refused_with_a_hint()
    {
        var query = string.Concat(Enumerable.Repeat("agent tool ", 910))[..10_000];
        var found = _course.Find(new FindRequest { Query = query });
        Assert.Equal("SG6003", found.Problem?.Code);
        Assert.Contains("10,000 characters", found.Problem!.Message, StringComparison.Ordinal);
        Assert.Contains("--like", found.Problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Like_an_unknown_session_is_a_problem()
    {
        var found = _course.Find(new FindRequest { Like = "sessions/NOPE.md" });
        Assert.Equal("SG6004", found.Problem?.Code);
    }
}
