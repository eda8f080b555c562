using System.Net;
using System.Text;
using Cx.Domain.Reporting;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Reporting;

/// <summary>The laws of the one escaping place: Markdown cells cannot end a cell, a row or open markup; CSV cells read back
/// as the text (formula-like text with a leading <c>'</c>); HTML decodes back to the text and holds no markup character.</summary>
public sealed class CellEscapingTests
{
    /// <summary>Text rich in the characters that matter, plus arbitrary strings.</summary>
    private static Arbitrary<string> Texts() => Arb.From(Gen.Frequency(
        (3, Gen.ArrayOf(Gen.Elements('a', 'Z', '0', ' ', '|', '\\', '<', '>', '&', '"', '\'', ',', ';', '\r', '\n', '\t', '=', '+', '-', '@', '\u2028', '\u0085', 'é', '€'))
            .Select(chars => new string(chars))),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty))));

    [Fact]
    public void Markdown_AnyText_HasNoUnescapedPipeNoLineBreakNoMarkup()
    {
        Properties.Check(Texts(), text =>
        {
            string md = CellEscaping.Markdown(text);
            Assert.DoesNotContain('<', md);
            Assert.True(md.IndexOfAny(['\r', '\n', '\u2028', '\u2029', '\u0085']) < 0, $"line break in {md}");
            for (int i = 0; i < md.Length; i++)
            {
                if (md[i] == '|')
                {
                    Assert.True(i > 0 && md[i - 1] == '\\', $"unescaped | at {i} in {md}");
                }
            }
        });
    }

    [Fact]
    public void Markdown_TextWithoutSpecials_IsUnchanged()
    {
        Assert.Equal("test-drive 48h: 95.0% (n=12)", CellEscaping.Markdown("test-drive 48h: 95.0% (n=12)"));
        Assert.Equal("a\\|b c &lt;script>", CellEscaping.Markdown("a|b\r\nc <script>"));
    }

    [Fact]
    public void CsvText_AnyText_ReadsBackAsOneField()
    {
        Properties.Check(Texts(), text =>
        {
            var csv = new StringBuilder();
            CellEscaping.CsvText(csv, text);
            string[] fields = CsvFields(csv.ToString());
            Assert.Single(fields);
            string expected = CellEscaping.IsFormulaLike(text) ? "'" + text : text;
            Assert.Equal(expected, fields[0]);
        });
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    public void CsvText_OwaspPrefixes_AreNeutralised(string text, string expected)
    {
        var csv = new StringBuilder();
        CellEscaping.CsvText(csv, text);
        Assert.Equal(expected, csv.ToString());
    }

    [Fact]
    public void CsvValue_NegativeNumber_IsNotATextCell()
    {
        var csv = new StringBuilder();
        CellEscaping.CsvValue(csv, "-80.00");
        Assert.Equal("-80.00", csv.ToString());
    }

    [Fact]
    public void Html_AnyText_DecodesBackAndHoldsNoMarkupCharacter()
    {
        Properties.Check(Texts(), text =>
        {
            string html = CellEscaping.Html(text);
            Assert.True(html.IndexOfAny(['<', '>', '"', '\'']) < 0, html);
            Assert.Equal(text, WebUtility.HtmlDecode(html));
        });
    }

    /// <summary>Splits one CSV record (RFC 4180: quoted fields, doubled quotes) into its fields.</summary>
    internal static string[] CsvFields(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < record.Length; i++)
        {
            char c = record[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                Assert.False(c is '\r' or '\n', $"unquoted line break in {record}");
                field.Append(c);
            }
        }

        Assert.False(quoted, $"unterminated quote in {record}");
        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>Splits a CSV document into records, respecting quoted line breaks.</summary>
    internal static List<string[]> CsvRecords(string csv)
    {
        var records = new List<string[]>();
        var record = new StringBuilder();
        bool quoted = false;
        foreach (char c in csv)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == '\n' && !quoted)
            {
                records.Add(CsvFields(record.ToString()));
                record.Clear();
                continue;
            }

            record.Append(c);
        }

        Assert.Equal(0, record.Length);
        return records;
    }
}
