export default definePageConfig({
  navigationBarTitleText: '城管进社区',
  enablePullDownRefresh: true,
});
