// PLACEHOLDER — replaced by the page's real implementation in this change.
const FollowUpPage = () => null;
export default FollowUpPage;
