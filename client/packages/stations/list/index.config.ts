export default definePageConfig({
  navigationBarTitleText: '城管工作站',
  enablePullDownRefresh: true,
});
