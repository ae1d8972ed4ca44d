// PLACEHOLDER — replaced by the page's real implementation in this change.
const HotlinePage = () => null;
export default HotlinePage;
