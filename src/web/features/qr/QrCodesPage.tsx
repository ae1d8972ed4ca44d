// PLACEHOLDER — replaced by the page's real implementation in this change.
const QrCodesPage = () => null;
export default QrCodesPage;
