using System.Runtime.InteropServices;

namespace MootaDesk.Core.Documents;

/// <summary>
/// Cuts a TrueType font down to the characters a document uses, with HarfBuzz's subsetter (hb-subset), which
/// the HarfBuzzSharp native library already carries but its .NET wrapper does not expose. Skia's PDF backend
/// in SkiaSharp embeds whole fonts (DejaVu Sans is about 700 KB per face); drawing with a subset keeps the
/// proof PDF to a few tens of KB while its text stays searchable (the subset keeps the cmap, so the PDF's
/// ToUnicode map is complete). See docs/decisions/018-proof-card-on-skiasharp.md.
/// </summary>
internal static class FontSubsetter
{
    private const string HarfBuzz = "libHarfBuzzSharp";
    private const int MemoryModeDuplicate = 0;
    private const uint NoHinting = 0x1; // HB_SUBSET_FLAGS_NO_HINTING: a PDF viewer hints by itself

    /// <summary>The font program (TrueType bytes) holding only the glyphs for <paramref name="characters"/>, with their layout rules.</summary>
    /// <exception cref="InvalidOperationException">HarfBuzz could not subset the font (not a font, or out of memory).</exception>
    public static byte[] Subset(byte[] font, IEnumerable<int> characters)
    {
        var blob = hb_blob_create(font, (uint)font.Length, MemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
        var face = hb_face_create(blob, 0);
        var input = hb_subset_input_create_or_fail();
        var subset = IntPtr.Zero;
        var result = IntPtr.Zero;
        try
        {
            if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not start a font subset.");
            hb_subset_input_set_flags(input, NoHinting);
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var c in characters) hb_set_add(unicodes, (uint)c);
            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not subset the proof font.");
            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (result != IntPtr.Zero) hb_blob_destroy(result);
            if (subset != IntPtr.Zero) hb_face_destroy(subset);
            if (input != IntPtr.Zero) hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_create(byte[] data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(HarfBuzz)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(HarfBuzz)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);
}
