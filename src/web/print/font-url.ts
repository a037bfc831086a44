// Noto Sans SC (OFL), ~10 MB: a separate asset, fetched only when a PDF is made, and embedded
// in the PDF as a subset so Chinese renders without the reader's fonts.
import url from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';

export const NOTO_SANS_SC_URL: string = url;
