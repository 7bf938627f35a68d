namespace SiteGen.Text;

/// <summary>
/// The one accent-folding table ("Café" -> "Cafe"), used by search, tag slugs and the catalog's duplicate keys. Search
/// folds before indexing because lunr's trimmer strips non-ASCII letters at token edges ("café" would be indexed as
/// "caf") while queries are not trimmed; search.js applies the very same table to queries (a test checks both agree). Invariant globalization has no Unicode normalization, so the
/// decompositions are a fixed table: Latin-1, Latin Extended-A/B and Latin Extended Additional, plus letters that
/// do not decompose (ß, æ, ø, ł, ...). Combining marks U+0300-U+036F are dropped.
/// </summary>
public static class AccentFolding
{
    /// <summary>Space-separated entries: the accented letter followed by its replacement.</summary>
    public const string Table = "ÀA ÁA ÂA ÃA ÄA ÅA ÇC ÈE ÉE ÊE ËE ÌI ÍI ÎI ÏI ÑN ÒO ÓO ÔO ÕO ÖO ÙU ÚU ÛU ÜU ÝY àa áa âa ãa äa åa çc èe ée êe ëe ìi íi îi ïi ñn òo óo ôo õo öo ùu úu ûu üu ýy ÿy ĀA āa ĂA ăa ĄA ąa ĆC ćc ĈC ĉc ĊC ċc ČC čc ĎD ďd ĒE ēe ĔE ĕe ĖE ėe ĘE ęe ĚE ěe ĜG ĝg ĞG ğg ĠG ġg ĢG ģg ĤH ĥh ĨI ĩi ĪI īi ĬI ĭi ĮI įi İI ĴJ ĵj ĶK ķk ĹL ĺl ĻL ļl ĽL ľl ŃN ńn ŅN ņn ŇN ňn ŌO ōo ŎO ŏo ŐO őo ŔR ŕr ŖR ŗr ŘR řr ŚS śs ŜS ŝs ŞS şs ŠS šs ŢT ţt ŤT ťt ŨU ũu ŪU ūu ŬU ŭu ŮU ůu ŰU űu ŲU ųu ŴW ŵw ŶY ŷy ŸY ŹZ źz ŻZ żz ŽZ žz ƠO ơo ƯU ưu ǍA ǎa ǏI ǐi ǑO ǒo ǓU ǔu ǕU ǖu ǗU ǘu ǙU ǚu ǛU ǜu ǞA ǟa ǠA ǡa ǦG ǧg ǨK ǩk ǪO ǫo ǬO ǭo ǰj ǴG ǵg ǸN ǹn ǺA ǻa ȀA ȁa ȂA ȃa ȄE ȅe ȆE ȇe ȈI ȉi ȊI ȋi ȌO ȍo ȎO ȏo ȐR ȑr ȒR ȓr ȔU ȕu ȖU ȗu ȘS șs ȚT țt ȞH ȟh ȦA ȧa ȨE ȩe ȪO ȫo ȬO ȭo ȮO ȯo ȰO ȱo ȲY ȳy ḀA ḁa ḂB ḃb ḄB ḅb ḆB ḇb ḈC ḉc ḊD ḋd ḌD ḍd ḎD ḏd ḐD ḑd ḒD ḓd ḔE ḕe ḖE ḗe ḘE ḙe ḚE ḛe ḜE ḝe ḞF ḟf ḠG ḡg ḢH ḣh ḤH ḥh ḦH ḧh ḨH ḩh ḪH ḫh ḬI ḭi ḮI ḯi ḰK ḱk ḲK ḳk ḴK ḵk ḶL ḷl ḸL ḹl ḺL ḻl ḼL ḽl ḾM ḿm ṀM ṁm ṂM ṃm ṄN ṅn ṆN ṇn ṈN ṉn ṊN ṋn ṌO ṍo ṎO ṏo ṐO ṑo ṒO ṓo ṔP ṕp ṖP ṗp ṘR ṙr ṚR ṛr ṜR ṝr ṞR ṟr ṠS ṡs ṢS ṣs ṤS ṥs ṦS ṧs ṨS ṩs ṪT ṫt ṬT ṭt ṮT ṯt ṰT ṱt ṲU ṳu ṴU ṵu ṶU ṷu ṸU ṹu ṺU ṻu ṼV ṽv ṾV ṿv ẀW ẁw ẂW ẃw ẄW ẅw ẆW ẇw ẈW ẉw ẊX ẋx ẌX ẍx ẎY ẏy ẐZ ẑz ẒZ ẓz ẔZ ẕz ẖh ẗt ẘw ẙy ẠA ạa ẢA ảa ẤA ấa ẦA ầa ẨA ẩa ẪA ẫa ẬA ậa ẮA ắa ẰA ằa ẲA ẳa ẴA ẵa ẶA ặa ẸE ẹe ẺE ẻe ẼE ẽe ẾE ếe ỀE ềe ỂE ểe ỄE ễe ỆE ệe ỈI ỉi ỊI ịi ỌO ọo ỎO ỏo ỐO ốo ỒO ồo ỔO ổo ỖO ỗo ỘO ộo ỚO ớo ỜO ờo ỞO ởo ỠO ỡo ỢO ợo ỤU ụu ỦU ủu ỨU ứu ỪU ừu ỬU ửu ỮU ữu ỰU ựu ỲY ỳy ỴY ỵy ỶY ỷy ỸY ỹy ßss ẞSS ÆAE æae ŒOE œoe ØO øo ŁL łl ĐD đd ÐD ðd ÞTH þth ıi ĦH ħh ŦT ŧt";

    private static readonly Dictionary<char, string> Map = Table.Split(' ').ToDictionary(e => e[0], e => e[1..]);

    /// <summary>The table's entries: each accented letter and what it folds to.</summary>
    public static IReadOnlyDictionary<char, string> Entries => Map;

    public static string Fold(string text)
    {
        var first = FirstCandidate(text);
        if (first < 0) return text;
        var buffer = new char[MaxFoldedLength(text.Length)];
        return new string(buffer, 0, Fold(text, first, buffer));
    }

    /// <summary>Where folding could first change <paramref name="text"/>, or -1 when it leaves it as it is.</summary>
    /// <remarks>Nothing below U+00C0 folds (combining marks and table letters are above it): most text is left as it is.</remarks>
    public static int FirstCandidate(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\u00C0', '\uFFFF');

    /// <summary>The most chars folding text of this length can give (no letter folds to more than two).</summary>
    public static int MaxFoldedLength(int length) => length * 2;

    /// <summary>
    /// <paramref name="text"/> folded into <paramref name="destination"/> (at least <see cref="MaxFoldedLength"/> long);
    /// returns the folded length. <paramref name="first"/> is <see cref="FirstCandidate"/>: chars before it are copied.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> text, int first, Span<char> destination)
    {
        text[..first].CopyTo(destination);
        var length = first;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\u0300' and <= '\u036F') continue;
            if (c >= '\u00C0' && Map.TryGetValue(c, out var folded))
            {
                folded.CopyTo(destination[length..]);
                length += folded.Length;
            }
            else
            {
                destination[length++] = c;
            }
        }
        return length;
    }
}
